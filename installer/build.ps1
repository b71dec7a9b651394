# Build the Windows program and its per-user setup (see installer/README.md, step by step).
#
#     powershell -ExecutionPolicy Bypass -File installer\build.ps1 [-Python py] [-SkipSetup] [-SkipSmoke]
#
# 1. a build venv .venv-build with the project and its build extra (PyInstaller);
# 2. PyInstaller -> dist\reliefdesk\ (reliefdesk.exe GUI, reliefdesk-admin.exe CLI);
# 3. a smoke test of the frozen program from a temporary folder with its own data folder:
#    CLI init, demo, roster generate/validate/lock/export, forms application, check; the GUI
#    starts offscreen and quits once the sign-in window is shown;
# 4. Inno Setup (ISCC.exe) -> dist\reliefdesk-setup-<version>.exe.
param(
    [string]$Python = "py",
    [switch]$SkipSetup,
    [switch]$SkipSmoke
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Check([string]$What) {
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

$Version = (Select-String -Path "reliefdesk\__init__.py" -Pattern '__version__ = "(.*)"').Matches[0].Groups[1].Value
Write-Host "reliefdesk $Version"

# 1. build environment
$Venv = Join-Path $Root ".venv-build"
if (-not (Test-Path "$Venv\Scripts\python.exe")) {
    if ($Python -eq "py") { & py -3.11 -m venv $Venv } else { & $Python -m venv $Venv }
    Check "creating $Venv"
}
$Py = "$Venv\Scripts\python.exe"
if (-not $SkipSetup) {
    & $Py -m pip install --upgrade pip; Check "pip upgrade"
    & $Py -m pip install -e ".[build]"; Check "pip install -e .[build]"
}

# 2. frozen program
$sw = [Diagnostics.Stopwatch]::StartNew()
if (Test-Path "dist\reliefdesk") { Remove-Item -Recurse -Force "dist\reliefdesk" }
& $Py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller installer\reliefdesk.spec
Check "PyInstaller"
foreach ($exe in "reliefdesk.exe", "reliefdesk-admin.exe") {
    if (-not (Test-Path "dist\reliefdesk\$exe")) { throw "dist\reliefdesk\$exe missing" }
}
$mb = [math]::Round(((Get-ChildItem -Recurse "dist\reliefdesk" | Measure-Object Length -Sum).Sum / 1MB), 0)
Write-Host "build: dist\reliefdesk ready: $mb MB, $([int]$sw.Elapsed.TotalSeconds) s"

# 3. smoke test, outside the source tree, with a fresh data folder
if (-not $SkipSmoke) {
    $Bin = Join-Path $Root "dist\reliefdesk"
    $Work = Join-Path ([IO.Path]::GetTempPath()) ("reliefdesk-smoke-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $Work | Out-Null
    Push-Location $Work
    $env:RELIEFDESK_HOME = Join-Path $Work "data"
    try {
        $Month = Get-Date -Format "yyyy-MM"
        function Cli([string]$User, [string]$Password, [string[]]$CliArgs) {
            $env:RELIEFDESK_PASSWORD = $Password
            $all = @("--db", "office.sqlite3")
            if ($User) { $all += @("--user", $User) }
            & "$Bin\reliefdesk-admin.exe" @($all + $CliArgs)
            Check "reliefdesk-admin $($CliArgs -join ' ')"
        }
        $env:RELIEFDESK_ADMIN_PASSWORD = "Smoke#admin1"
        Cli "" "" @("init", "--admin", "admin")
        Cli "admin" "Smoke#admin1" @("demo", "--households", "60", "--clean")
        Cli "clerk" "Demo#clerk1" @("roster", "generate", "--month", $Month, "--programme", "rural_dibao")
        Cli "clerk" "Demo#clerk1" @("roster", "validate", "--month", $Month, "--programme", "rural_dibao")
        Cli "approver" "Demo#approver1" @("roster", "lock", "--month", $Month, "--programme", "rural_dibao")
        Cli "clerk" "Demo#clerk1" @("roster", "export", "--month", $Month, "--programme", "rural_dibao", "--out", "export")
        Cli "clerk" "Demo#clerk1" @("forms", "application", "--id", "1", "--out", "application.pdf")
        Cli "" "" @("check")

        # The GUI has no console: wait for it and read its log.
        $env:QT_QPA_PLATFORM = "offscreen"
        $env:RELIEFDESK_SMOKE_QUIT_AFTER_LOGIN_SHOWN = "1"
        $p = Start-Process -FilePath "$Bin\reliefdesk.exe" -ArgumentList "--db", "office.sqlite3" -PassThru -Wait
        if ($p.ExitCode -ne 0) { throw "GUI exited $($p.ExitCode)" }
        $Log = Join-Path $env:RELIEFDESK_HOME "logs\reliefdesk.log"
        if (-not (Select-String -Path $Log -Pattern "reliefdesk-smoke: login window shown" -Quiet)) {
            throw "GUI did not show the sign-in window (see $Log)"
        }
        if (Select-String -Path $Log -Pattern "Missing translation|not found in|Traceback" -Quiet) {
            throw "GUI log shows missing translations or a traceback (see $Log)"
        }
        Write-Host "smoke: passed"
    } finally {
        Remove-Item Env:QT_QPA_PLATFORM, Env:RELIEFDESK_SMOKE_QUIT_AFTER_LOGIN_SHOWN, Env:RELIEFDESK_HOME, Env:RELIEFDESK_PASSWORD, Env:RELIEFDESK_ADMIN_PASSWORD -ErrorAction SilentlyContinue
        Pop-Location
        Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
    }
}

# 4. setup program
$Iscc = @(
    (Get-Command iscc.exe -ErrorAction SilentlyContinue | Select-Object -ExpandProperty Source),
    "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe",
    "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    "$env:ProgramFiles\Inno Setup 6\ISCC.exe"
) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found; install it from https://jrsoftware.org/isdl.php" }
& $Iscc "/DAppVersion=$Version" "installer\reliefdesk.iss"
Check "ISCC"
Write-Host "setup: dist\reliefdesk-setup-$Version.exe"
