# Build the Windows app folder (dist\OldCompoundPlanner\) and, with -Installer, its setup program.
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 [-Python "py -3.11"] [-Installer] [-NoBuild]
# -Installer also compiles packaging\installer.nsi with NSIS 3 (makensis; tools\build_installer.py
# finds it on PATH or in Program Files) into dist\installer\OldCompoundPlanner-VERSION-setup.exe;
# -NoBuild skips pip and PyInstaller (the installer from an existing dist\OldCompoundPlanner).
# From the project root or anywhere: paths are taken from this script's folder. Uses .venv (made
# with the given Python when missing) and the project's "package" extra (PyInstaller).
param(
    [string]$Python = "py -3.11",
    [switch]$Installer,
    [switch]$NoBuild
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$Venv = Join-Path $Root ".venv"
$Py = Join-Path $Venv "Scripts\python.exe"

if (-not $NoBuild) {
    if (-not (Test-Path $Py)) {
        Write-Host "Creating $Venv"
        Invoke-Expression "$Python -m venv `"$Venv`""
    }
    & $Py -m pip install -q --upgrade pip
    & $Py -m pip install -q -e ".[test,package]"
    if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

    $started = Get-Date
    & $Py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller packaging\OldCompoundPlanner.spec
    if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
    $folder = Join-Path $Root "dist\OldCompoundPlanner"
    $mb = [math]::Round(((Get-ChildItem $folder -Recurse -File | Measure-Object Length -Sum).Sum) / 1MB)
    Write-Host ("Built {0} ({1} MB) in {2:N0} s" -f $folder, $mb, ((Get-Date) - $started).TotalSeconds)
}

if ($Installer) {
    & $Py tools\build_installer.py dist\OldCompoundPlanner
    if ($LASTEXITCODE -ne 0) { throw "building the installer failed (NSIS: https://nsis.sourceforge.io or choco install nsis)" }
}
