<#
.SYNOPSIS
    Build tgdesk's Windows setup file on a Windows 10 (1809 or later) or Windows 11 PC, 64-bit.

.DESCRIPTION
    Run from anywhere (the script works in the checkout it belongs to):

        powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1

    1. Python 3.11 (64-bit) virtual environment in .venv\, the locked development
       dependencies from requirements\dev.txt (with hashes; PyInstaller among them),
       tgdesk itself (editable, for `python -m tgdesk` in the start-time comparison).
    2. PyInstaller with installer\tgdesk.spec -> build\frozen\dist\tgdesk\
       (tgdesk.exe without a console window, tgdesk-cli.exe for the command line).
    3. installer\check_frozen.py: every data file in the bundle, UTF-8 mode, the smoke
       run (tests\smoke.py: --version, demo, report DOCX+PDF, list --search,
       units key, screenshots) in a temporary folder, start times.
    4. makensis installer\tgdesk.nsi -> build\tgdesk-VERSION-setup.exe (LZMA).

    Needs: Python 3.11 64-bit from python.org (with the "py" launcher) and NSIS 3
    (winget install NSIS.NSIS, or the installer from nsis.sourceforge.io).
    See docs\windows-build.md.

.PARAMETER Python
    The command that starts Python 3.11 (default: the launcher, "py -3.11").

.PARAMETER Makensis
    Path of makensis.exe (default: found on PATH or in Program Files\NSIS).

.PARAMETER Runs
    Timed runs per command when measuring start times (0: none).
#>
[CmdletBinding()]
param(
    [string]$Python = "py -3.11",
    [string]$Makensis = "",
    [int]$Runs = 3
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Step {
    # Runs a program and stops the build when it fails.
    param([Parameter(Mandatory)][string]$Program, [string[]]$Arguments = @())
    Write-Host "> $Program $($Arguments -join ' ')"
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Program exited with code $LASTEXITCODE"
    }
}

function Find-Makensis {
    if ($Makensis) { return $Makensis }
    $onPath = Get-Command makensis.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    foreach ($base in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
        if ($base -and (Test-Path (Join-Path $base "NSIS\makensis.exe"))) {
            return (Join-Path $base "NSIS\makensis.exe")
        }
    }
    throw "makensis.exe not found: install NSIS 3 (winget install NSIS.NSIS) or pass -Makensis"
}

# --- 1. virtual environment -----------------------------------------------------------
$Venv = Join-Path $Root ".venv"
$Py = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $Py)) {
    $parts = @($Python -split " " | Where-Object { $_ })
    $launcher = $parts[0]
    $launcherArgs = @($parts | Select-Object -Skip 1)
    Invoke-Step $launcher ($launcherArgs + @("-c",
        "import sys, struct; sys.exit(not (sys.version_info[:2] == (3, 11) and struct.calcsize('P') == 8))"))
    Invoke-Step $launcher ($launcherArgs + @("-m", "venv", $Venv))
}
Invoke-Step $Py @("-m", "pip", "install", "--disable-pip-version-check", "-q",
                  "--require-hashes", "-r", "requirements\dev.txt")
# tgdesk itself, built with the locked setuptools (nothing fetched outside the lock).
Invoke-Step $Py @("-m", "pip", "install", "--disable-pip-version-check", "-q",
                  "--no-deps", "--no-build-isolation", "-e", ".")
$Version = (& $Py -c "import tgdesk; print(tgdesk.__version__)").Trim()
if ($LASTEXITCODE -ne 0) { throw "cannot import tgdesk" }
# A numeric a.b.c.0 for the setup file's version resource.
$Numbers = @([regex]::Matches($Version, "\d+") | Select-Object -First 3 | ForEach-Object { $_.Value })
while ($Numbers.Count -lt 3) { $Numbers += "0" }
$Version4 = ($Numbers + "0") -join "."

# --- 2. PyInstaller --------------------------------------------------------------------
$Dist = Join-Path $Root "build\frozen\dist\tgdesk"
$Clock = [Diagnostics.Stopwatch]::StartNew()
Invoke-Step (Join-Path $Venv "Scripts\pyinstaller.exe") @(
    "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "build\frozen\dist", "--workpath", "build\frozen\work",
    "installer\tgdesk.spec")
$BuildSeconds = [math]::Round($Clock.Elapsed.TotalSeconds, 1)

# --- 3. check and smoke run (outside the checkout) --------------------------------------
$Work = Join-Path ([IO.Path]::GetTempPath()) ("tgdesk-frozen-" + [guid]::NewGuid().ToString("N"))
New-Item -ItemType Directory -Path $Work | Out-Null
try {
    Invoke-Step $Py @("installer\check_frozen.py", "--dist", $Dist, "--work", $Work,
                      "--runs", "$Runs")
} finally {
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}

# --- 4. the setup file ---------------------------------------------------------------------
$Setup = Join-Path $Root "build\tgdesk-$Version-setup.exe"
Invoke-Step (Find-Makensis) @("/V2", "/WX", "/DVERSION=$Version", "/DVERSION4=$Version4",
                              "/DPAYLOAD=$Dist", "/DOUTFILE=$Setup", "installer\tgdesk.nsi")

$FolderBytes = (Get-ChildItem -Recurse -File $Dist | Measure-Object -Property Length -Sum).Sum
Write-Host ""
Write-Host ("build time:   {0} s (PyInstaller)" -f $BuildSeconds)
Write-Host ("folder size:  {0:N0} MB ({1})" -f ($FolderBytes / 1MB), $Dist)
Write-Host ("setup file:   {0} ({1:N1} MB)" -f $Setup, ((Get-Item $Setup).Length / 1MB))
Write-Host ("SHA-256:      {0}" -f (Get-FileHash -Algorithm SHA256 $Setup).Hash)
