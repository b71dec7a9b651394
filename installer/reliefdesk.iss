; Inno Setup 6 script (UTF-8 with BOM, so the Chinese texts survive any Windows code page): a per-user installer for township office PCs (Windows 10/11, x64).
; No administrator rights needed: the program goes to %LOCALAPPDATA%\Programs\reliefdesk and
; the Start-menu entries to the user's own Start menu.
;
; Build after PyInstaller (installer\build.ps1 does both):
;     iscc /DAppVersion=0.1.0 installer\reliefdesk.iss      -> dist\reliefdesk-setup-0.1.0.exe
;
; Data: the database, logs and backups live in %LOCALAPPDATA%\reliefdesk (or on the office's
; PostgreSQL server), never in the program folder. Installing a newer version over an older one
; replaces the program files and keeps the data (the program upgrades the database itself, with
; a verified backup, on first start). Uninstalling keeps the data unless the user answers "Yes"
; to the question at the end (default "No").
; tests/unit/test_installer_files.py checks that every file named here exists.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "reliefdesk 社会救助经办系统"

[Setup]
; Never change AppId: it is how an upgrade finds the installed version.
AppId={{6E2B8C1A-4F1D-4C8E-9B57-0F6D1A2C3B4D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=reliefdesk
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\reliefdesk
DisableDirPage=auto
UsePreviousAppDir=yes
DefaultGroupName=reliefdesk
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=reliefdesk-setup-{#AppVersion}
SetupIconFile=..\reliefdesk\ui\assets\reliefdesk.ico
UninstallDisplayIcon={app}\reliefdesk.exe
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Close a running reliefdesk before replacing its files (Restart Manager).
CloseApplications=yes
RestartApplications=no
WizardStyle=modern

[Languages]
; Simplified Chinese ships with recent Inno Setup releases; older ones need ChineseSimplified.isl
; copied into their Languages folder (installer/README.md). Without it the wizard is English.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma warning "Languages\ChineseSimplified.isl not found: the setup wizard will be English"
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "附加快捷方式："

[InstallDelete]
; An upgrade replaces the whole frozen library folder, so no file of the old version lingers.
; Safe: this folder holds program files only, never data.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\reliefdesk\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\reliefdesk.exe"; WorkingDir: "{app}"
Name: "{group}\reliefdesk 演示数据"; Filename: "{app}\reliefdesk.exe"; Parameters: "--demo"; WorkingDir: "{app}"; Comment: "演示单位：用户 clerk，密码 Demo#clerk1"
Name: "{group}\卸载 reliefdesk"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\reliefdesk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\reliefdesk.exe"; Description: "启动 reliefdesk"; Flags: nowait postinstall skipifsilent

[Code]
{ Uninstall: program files always go; the data (database, backups, logs) and the settings stay
  unless the user explicitly asks for them to be deleted. Silent uninstalls never delete data. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  DataDir := ExpandConstant('{localappdata}\reliefdesk');
  if UninstallSilent or not DirExists(DataDir) then
    exit;
  if MsgBox('程序已卸载。' + #13#10#13#10 +
            '本机的业务数据（数据库、备份和日志）仍保留在：' + #13#10 + DataDir + #13#10#13#10 +
            '是否同时删除这些数据？删除后无法恢复。如不确定，请选择“否”。',
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    if MsgBox('再次确认：永久删除 ' + DataDir + ' 中的全部数据？',
              mbError, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      DelTree(DataDir, True, True, True);
      RegDeleteKeyIncludingSubkeys(HKCU, 'Software\reliefdesk');
    end;
  end;
end;
