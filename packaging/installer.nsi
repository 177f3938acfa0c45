; NSIS 3 script: the per-user Windows installer of dist\OldCompoundPlanner\ (no administrator rights).
; Built by tools/build_installer.py (bash dev.sh installer, packaging\build.ps1 -Installer), which
; passes the defines below and writes PAYLOAD_NSH, the list of the payload's top-level entries that an
; update replaces and the uninstaller removes. UTF-8 with a byte-order mark (Chinese text below).
;
; Installs into %LOCALAPPDATA%\Programs\OldCompoundPlanner, adds a Start-menu entry (a desktop
; shortcut if ticked), offers the app under "Open with" for .gpkg project files without taking .gpkg
; over, and registers an uninstaller under HKCU\...\Uninstall. The uninstaller removes exactly that;
; settings and recovery copies (%LOCALAPPDATA%\OldCompoundPlanner) and the user's projects stay.
; Pages in 简体中文 or English, chosen from the user's Windows language (Chinese when neither).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
!ifdef FAST  ; a quick build that only checks the script (tools/build_installer.py --fast)
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
!endif

!ifndef VERSION | VIVERSION | PAYLOAD | PAYLOAD_NSH | OUTFILE | ROOT
  !error "Build with tools/build_installer.py (defines VERSION, VIVERSION, PAYLOAD, PAYLOAD_NSH, OUTFILE, ROOT)"
!endif

!define APP_NAME "老旧小区改造规划"
!define APP_NAME_EN "Old Compound Renewal Planner"
!define APP_EXE "OldCompoundPlanner.exe"
!define PROG_ID "OldCompoundPlanner.Project"
!define PROJECT_EXT ".gpkg"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\OldCompoundPlanner"
!define SHORTCUT "${APP_NAME}.lnk"

!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh
!include "${PAYLOAD_NSH}"

Name "$(APP_TITLE)"  ; English pages name it in English (no Chinese font needed there)
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\OldCompoundPlanner"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "$(APP_TITLE) ${VERSION}"

VIProductVersion "${VIVERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME_EN}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME_EN} setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "${APP_NAME_EN}"

!if /FileExists "${ROOT}\resources\icons\app.ico"
  !define MUI_ICON "${ROOT}\resources\icons\app.ico"
  !define MUI_UNICON "${ROOT}\resources\icons\app.ico"
!endif
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KEEP_TEXT)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback when the user's Windows language is neither.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString APP_TITLE ${LANG_SIMPCHINESE} "${APP_NAME}"
LangString APP_TITLE ${LANG_ENGLISH} "${APP_NAME_EN}"
LangString SEC_PROGRAM ${LANG_SIMPCHINESE} "程序（必需）"
LangString SEC_PROGRAM ${LANG_ENGLISH} "Program (required)"
LangString SEC_DESKTOP ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString PROJECT_TYPE ${LANG_SIMPCHINESE} "${APP_NAME} 项目"
LangString PROJECT_TYPE ${LANG_ENGLISH} "${APP_NAME_EN} project"
LangString KEEP_TEXT ${LANG_SIMPCHINESE} "将删除程序文件、开始菜单和桌面快捷方式，以及 .gpkg 文件“打开方式”中的本程序。您的设置和恢复副本（$LOCALAPPDATA\OldCompoundPlanner）以及您的项目文件会保留；如不再需要，可自行删除该文件夹。"
LangString KEEP_TEXT ${LANG_ENGLISH} "This removes the program files, the Start-menu and desktop shortcuts, and the program's entry under 'Open with' for .gpkg files. Your settings and recovery copies ($LOCALAPPDATA\OldCompoundPlanner) and your project files are kept; delete that folder yourself if you no longer need them."

!macro NOTIFY_SHELL
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
!macroend

Section "$(SEC_PROGRAM)" SecProgram
  SectionIn RO
  SetShellVarContext current
  ; an update replaces the whole program: the earlier version's own uninstaller (only ours, as
  ; registered) removes what it installed, files this version no longer has included
  ReadRegStr $0 HKCU "${UNINST_KEY}" "InstallLocation"
  ${If} $0 == "$INSTDIR"
  ${AndIf} ${FileExists} "$INSTDIR\${UNINSTALLER}"
    ExecWait '"$INSTDIR\${UNINSTALLER}" /S _?=$INSTDIR'
    Delete "$INSTDIR\${UNINSTALLER}"
  ${EndIf}
  SetOutPath "$INSTDIR"
  !insertmacro PAYLOAD_REMOVE  ; and a copied-in folder of this shape
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "${APP_NAME_EN}"

  ; .gpkg: the app is offered under "Open with"; the default program for .gpkg is left alone
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "$(PROJECT_TYPE)"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\${PROJECT_EXT}\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}\SupportedTypes" "${PROJECT_EXT}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'

  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME} (${APP_NAME_EN})"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${APP_NAME_EN}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  !insertmacro NOTIFY_SHELL
SectionEnd

Section /o "$(SEC_DESKTOP)" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "${APP_NAME_EN}"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"
  !insertmacro PAYLOAD_REMOVE
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"  ; only when empty: whatever else the user put there stays

  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  DeleteRegValue HKCU "Software\Classes\${PROJECT_EXT}\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\${PROJECT_EXT}\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\${PROJECT_EXT}"
  DeleteRegKey HKCU "Software\Classes\Applications\${APP_EXE}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  !insertmacro NOTIFY_SHELL
SectionEnd
