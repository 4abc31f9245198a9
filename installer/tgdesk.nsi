; tgdesk's Windows installer (NSIS 3, Modern UI 2), per user, without administrator rights.
;
;   makensis -DVERSION=0.1.0 -DPAYLOAD=<PyInstaller one-folder output> installer\tgdesk.nsi
;
; Defines (on the command line):
;   VERSION     required; tgdesk.__version__
;   PAYLOAD     required; the folder build\frozen\dist\tgdesk (tgdesk.exe, tgdesk-cli.exe, _internal\)
;   VERSION4    numeric a.b.c.d for the file's version resource (default: VERSION.0)
;   EXE_SUFFIX  ".exe" by default; empty when compiled against the Linux build as a
;               stand-in payload (installer/build.sh), so a broken script fails there too
;   OUTFILE     the setup file (default: ..\build\tgdesk-VERSION-setup.exe)
;   FAST        store without compression (the Linux check; the payload is a stand-in)
;
; What it does: installs into %LOCALAPPDATA%\Programs\tgdesk, adds Start-menu (and,
; if ticked, desktop) shortcuts, registers .tgx for the current user (a double-click
; runs `tgdesk.exe --open "file"`, the package import with its dry run), and an
; uninstaller in Settings > Apps. An existing installation is upgraded in place:
; its uninstaller runs silently first (removing the program only). The data folder
; %LOCALAPPDATA%\tgdesk (database, backups, log) and the settings
; (HKCU\Software\tgdesk) are never touched by an install or an upgrade, and the
; uninstaller removes them only when "Xóa cả dữ liệu" is ticked (unticked by default).
;
; This file is UTF-8 with a byte order mark: makensis then reads it as UTF-8 on
; Windows and Linux alike.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION is not defined: makensis -DVERSION=x.y.z -DPAYLOAD=folder tgdesk.nsi"
!endif
!ifndef PAYLOAD
  !error "PAYLOAD is not defined: makensis -DVERSION=x.y.z -DPAYLOAD=folder tgdesk.nsi"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef EXE_SUFFIX
  !define EXE_SUFFIX ".exe"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\build\tgdesk-${VERSION}-setup.exe"
!endif

!define APP "tgdesk"
!define EXE "tgdesk${EXE_SUFFIX}"
!define CLI "tgdesk-cli${EXE_SUFFIX}"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\tgdesk"
!define SETTINGS_KEY "Software\tgdesk"
!define PROGID "tgdesk.GoiTraoDoi"
!define CLASSES "Software\Classes"
!define ICON "..\resources\icons\tgdesk.ico"
; Windows 10 version 1809 (the oldest Qt 6.11 supports)
!define MIN_BUILD 17763

; The payload must be a PyInstaller one-folder build with both programs.
!if ! /FileExists "${PAYLOAD}\${EXE}"
  !error "PAYLOAD has no ${EXE}: ${PAYLOAD}"
!endif
!if ! /FileExists "${PAYLOAD}\${CLI}"
  !error "PAYLOAD has no ${CLI}: ${PAYLOAD}"
!endif
!if ! /FileExists "${PAYLOAD}\_internal\resources\profiles\party.json"
  !error "PAYLOAD has no _internal\resources (not a tgdesk build?): ${PAYLOAD}"
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

Name "tgdesk ${VERSION}"
Caption "Cài đặt tgdesk ${VERSION}"
UninstallCaption "Gỡ cài đặt tgdesk"
BrandingText "tgdesk ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\tgdesk"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show
!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=1066 "ProductName" "tgdesk"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt tgdesk"
VIAddVersionKey /LANG=1066 "CompanyName" "tgdesk"
VIAddVersionKey /LANG=1066 "LegalCopyright" "tgdesk"

Var Upgrading        ; "1" when an earlier installation was found

; --- pages ----------------------------------------------------------------------------

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_ABORTWARNING_TEXT "Dừng cài đặt tgdesk?"
!define MUI_UNABORTWARNING

!define MUI_WELCOMEPAGE_TITLE "Cài đặt tgdesk ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "Chương trình sẽ cài tgdesk cho riêng người dùng này, không cần quyền quản trị.$\r$\n$\r$\nNếu máy đã có tgdesk, bản cũ được thay bằng bản này; dữ liệu (cơ sở dữ liệu, bản sao lưu, nhật ký) và các thiết lập được giữ nguyên.$\r$\n$\r$\nHãy đóng tgdesk (nếu đang mở) rồi bấm Tiếp."
!insertmacro MUI_PAGE_WELCOME
!define MUI_COMPONENTSPAGE_NODESC          ; (both components pages)
!insertmacro MUI_PAGE_COMPONENTS
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở tgdesk"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "Dữ liệu nằm trong thư mục $LOCALAPPDATA\tgdesk và được giữ lại, trừ khi đánh dấu “Xóa cả dữ liệu”. Dữ liệu đã xóa không lấy lại được."
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

; --- shared pieces ---------------------------------------------------------------------

; Waits while tgdesk runs from DIR (a running program's files cannot be replaced or
; removed): asks to close it, or gives up. Silent runs give up at once.
!macro WaitUntilClosed DIR
  ${Do}
    ClearErrors
    ${If} ${FileExists} "${DIR}\${EXE}"
      FileOpen $0 "${DIR}\${EXE}" a
      ${IfNot} ${Errors}
        FileClose $0
        ${If} ${FileExists} "${DIR}\${CLI}"
          FileOpen $0 "${DIR}\${CLI}" a
          ${IfNot} ${Errors}
            FileClose $0
          ${EndIf}
        ${EndIf}
      ${EndIf}
    ${EndIf}
    ${IfNot} ${Errors}
      ${Break}
    ${EndIf}
    ${IfNot} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "tgdesk đang mở. Hãy đóng tgdesk (cả cửa sổ dòng lệnh đang chạy tgdesk-cli) rồi bấm Thử lại." /SD IDCANCEL IDRETRY`
      Abort "tgdesk đang mở; chưa thay đổi gì."
    ${EndIf}
  ${Loop}
!macroend

; The program's own files in DIR; anything else there (the user's files) stays.
!macro RemoveProgramFiles DIR
  RMDir /r "${DIR}\_internal"
  Delete "${DIR}\${EXE}"
  Delete "${DIR}\${CLI}"
!macroend

!macro RemoveShortcutsAndAssociation
  Delete "$SMPROGRAMS\tgdesk\tgdesk.lnk"
  Delete "$SMPROGRAMS\tgdesk\Gỡ cài đặt tgdesk.lnk"
  RMDir "$SMPROGRAMS\tgdesk"
  Delete "$DESKTOP\tgdesk.lnk"
  ReadRegStr $0 HKCU "${CLASSES}\.tgx" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey HKCU "${CLASSES}\.tgx"
  ${Else}
    DeleteRegValue HKCU "${CLASSES}\.tgx\OpenWithProgids" "${PROGID}"
  ${EndIf}
  DeleteRegKey HKCU "${CLASSES}\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

; --- installer -------------------------------------------------------------------------

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "tgdesk cần Windows 10 (bản 1809 trở lên) hoặc Windows 11, loại 64-bit." /SD IDOK
    Abort
  ${EndIf}
  StrCpy $Upgrading "0"
  ReadRegStr $0 HKCU "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} ${FileExists} "$0\${UNINSTALLER}"
    StrCpy $Upgrading "1"
    StrCpy $INSTDIR $0
  ${EndIf}
FunctionEnd

Function SkipDirectoryOnUpgrade
  ${If} $Upgrading == "1"
    Abort            ; an upgrade goes where the program already is
  ${EndIf}
FunctionEnd

Section "tgdesk (bắt buộc)" SecProgram
  SectionIn RO
  SetShellVarContext current
  !insertmacro WaitUntilClosed "$INSTDIR"
  ${If} $Upgrading == "1"
    DetailPrint "Gỡ bản tgdesk cũ (giữ nguyên dữ liệu)..."
    ; /S: silent, so "Xóa cả dữ liệu" stays unticked; _?= runs it in place and waits.
    ExecWait '"$INSTDIR\${UNINSTALLER}" /S _?=$INSTDIR' $0
    ${If} $0 != 0
      DetailPrint "Trình gỡ bản cũ trả về $0; ghi đè các tệp."
    ${EndIf}
    Delete "$INSTDIR\${UNINSTALLER}"
    !insertmacro RemoveProgramFiles "$INSTDIR"
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateDirectory "$SMPROGRAMS\tgdesk"
  CreateShortcut "$SMPROGRAMS\tgdesk\tgdesk.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$SMPROGRAMS\tgdesk\Gỡ cài đặt tgdesk.lnk" "$INSTDIR\${UNINSTALLER}"

  ; .tgx: exchange packages open in tgdesk's import (with its dry run first).
  WriteRegStr HKCU "${CLASSES}\.tgx" "" "${PROGID}"
  WriteRegStr HKCU "${CLASSES}\.tgx\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "${CLASSES}\${PROGID}" "" "Gói trao đổi dữ liệu tgdesk"
  WriteRegStr HKCU "${CLASSES}\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${CLASSES}\${PROGID}\shell\open" "" "Nhập vào tgdesk"
  WriteRegStr HKCU "${CLASSES}\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" --open "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Settings > Apps
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "tgdesk"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "tgdesk"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Lối tắt trên màn hình nền" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\tgdesk.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

; --- uninstaller -----------------------------------------------------------------------

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "un.Gỡ chương trình tgdesk" SecUnProgram
  SectionIn RO
  SetShellVarContext current
  !insertmacro WaitUntilClosed "$INSTDIR"
  !insertmacro RemoveShortcutsAndAssociation
  !insertmacro RemoveProgramFiles "$INSTDIR"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"                   ; only if nothing else is left in it
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd

; Unticked by default (/o); a silent uninstall (an upgrade) never deletes data.
Section /o "un.Xóa cả dữ liệu (cơ sở dữ liệu, bản sao lưu, nhật ký, thiết lập)" SecUnData
  SetShellVarContext current
  DetailPrint "Xóa dữ liệu trong $LOCALAPPDATA\tgdesk"
  RMDir /r "$LOCALAPPDATA\tgdesk"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd
