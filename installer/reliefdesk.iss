; Inno Setup script: a per-machine installer for township office PCs (Windows 10/11, x64).
; Build after PyInstaller: iscc installer\reliefdesk.iss
; The database is NOT in the program folder: it lives in each user's data directory
; (%LOCALAPPDATA%\reliefdesk) or on the office's PostgreSQL server, so reinstalling or
; uninstalling never touches case data.
#define AppVersion "0.1.0"

[Setup]
AppId={{6E2B8C1A-4F1D-4C8E-9B57-0F6D1A2C3B4D}
AppName=reliefdesk 社会救助经办系统
AppVersion={#AppVersion}
AppPublisher=reliefdesk
DefaultDirName={autopf}\reliefdesk
DefaultGroupName=reliefdesk
OutputBaseFilename=reliefdesk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64
PrivilegesRequired=admin
UninstallDisplayName=reliefdesk 社会救助经办系统

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\dist\reliefdesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\reliefdesk 社会救助经办系统"; Filename: "{app}\reliefdesk.exe"
Name: "{group}\reliefdesk 演示数据"; Filename: "{app}\reliefdesk.exe"; Parameters: "--demo"
Name: "{commondesktop}\reliefdesk"; Filename: "{app}\reliefdesk.exe"

[Run]
Filename: "{app}\reliefdesk.exe"; Description: "启动 reliefdesk"; Flags: nowait postinstall skipifsilent
