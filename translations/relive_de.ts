<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CodeEditor</name>
    <message>
        <location filename="../widgets/CodeEditor.cpp" line="171"/>
        <source>The buffer has no file name.</source>
        <translation>Der Puffer hat keinen Dateinamen.</translation>
    </message>
</context>
<context>
    <name>ConsoleWidget</name>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="81"/>
        <source>Python command</source>
        <translation>Python-Befehl</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="85"/>
        <source>Interrupt the running command (Ctrl+C)</source>
        <translation>Laufenden Befehl unterbrechen (Strg+C)</translation>
    </message>
    <message>
        <location filename="../widgets/ConsoleWidget.cpp" line="92"/>
        <source>Clear the console</source>
        <translation>Konsole leeren</translation>
    </message>
</context>
<context>
    <name>EditorTabs</name>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="125"/>
        <location filename="../widgets/EditorTabs.cpp" line="149"/>
        <source>Save Failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="126"/>
        <location filename="../widgets/EditorTabs.cpp" line="150"/>
        <source>Could not save %1:
%2</source>
        <translation>%1 konnte nicht gespeichert werden:
%2</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="143"/>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="144"/>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python-Dateien (*.py);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="186"/>
        <location filename="../widgets/EditorTabs.cpp" line="211"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="187"/>
        <source>%1 has unsaved changes. Save them before closing?</source>
        <translation>%1 hat ungespeicherte Änderungen. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="212"/>
        <source>These files have unsaved changes:
%1

Save them?</source>
        <translation>Diese Dateien haben ungespeicherte Änderungen:
%1

Speichern?</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="244"/>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="245"/>
        <source>Line (1 - %1):</source>
        <translation>Zeile (1 - %1):</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="304"/>
        <source>Reloaded %1 from disk</source>
        <translation>%1 wurde von der Festplatte neu geladen</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="310"/>
        <source>File Changed on Disk</source>
        <translation>Datei auf der Festplatte geändert</translation>
    </message>
    <message>
        <location filename="../widgets/EditorTabs.cpp" line="311"/>
        <source>%1 was changed by another program, and this buffer has unsaved changes.
Reload it from disk and lose your changes?</source>
        <translation>%1 wurde von einem anderen Programm geändert, und dieser Puffer hat ungespeicherte Änderungen.
Von der Festplatte neu laden und Ihre Änderungen verwerfen?</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="18"/>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="19"/>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="21"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="23"/>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="25"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="26"/>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="27"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="28"/>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <location filename="../widgets/FindReplaceBar.cpp" line="32"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../app/ide/MainWindow.cpp" line="142"/>
        <source>%1: %n live instance(s)</source>
        <translation>
            <numerusform>%1: %n lebende Instanz</numerusform>
            <numerusform>%1: %n lebende Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="109"/>
        <source>Running %1</source>
        <translation>%1 läuft</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="114"/>
        <source>%1 finished (exit status %2)</source>
        <translation>%1 beendet (Exit-Status %2)</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="162"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="163"/>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="165"/>
        <source>Reload Log</source>
        <translation>Neuladeprotokoll</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="167"/>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="181"/>
        <source>Overrides</source>
        <translation>Überschreibungen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="188"/>
        <source>Watches</source>
        <translation>Überwachte Ausdrücke</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="202"/>
        <source>&amp;Override in Running Program</source>
        <translation>Im laufenden Programm &amp;überschreiben</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="213"/>
        <source>%1 is overridden in the running program</source>
        <translation>%1 ist im laufenden Programm überschrieben</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="214"/>
        <source>Could not override: %1</source>
        <translation>Überschreiben nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="248"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="250"/>
        <source>Open &amp;Folder as Namespace…</source>
        <translation>&amp;Ordner als Namensraum öffnen…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="253"/>
        <source>&amp;Recent Folders</source>
        <translation>&amp;Zuletzt geöffnete Ordner</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="256"/>
        <source>&amp;New File…</source>
        <translation>&amp;Neue Datei…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="258"/>
        <source>&amp;Open File…</source>
        <translation>Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="260"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="262"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="264"/>
        <source>Save A&amp;ll</source>
        <translation>&amp;Alle speichern</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="266"/>
        <source>&amp;Close File</source>
        <translation>Datei s&amp;chließen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="270"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="273"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="286"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="287"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="289"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="290"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="291"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="293"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="295"/>
        <source>R&amp;eplace…</source>
        <translation>E&amp;rsetzen…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="297"/>
        <source>&amp;Go to Line…</source>
        <translation>&amp;Gehe zu Zeile…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="300"/>
        <location filename="../app/ide/MainWindow.cpp" line="302"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="306"/>
        <source>Run &amp;Target…</source>
        <translation>Ausführungs&amp;ziel…</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="307"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="312"/>
        <source>&amp;Interrupt Console</source>
        <translation>Konsole &amp;unterbrechen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="317"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="323"/>
        <source>Refresh &amp;Namespace</source>
        <translation>&amp;Namensraum aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="327"/>
        <source>&amp;Clear Console</source>
        <translation>&amp;Konsole leeren</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="329"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="331"/>
        <source>&amp;About Relive</source>
        <translation>&amp;Über Relive</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="333"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="359"/>
        <source>Python ready</source>
        <translation>Python bereit</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="359"/>
        <source>Python failed to start</source>
        <translation>Python konnte nicht starten</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="362"/>
        <source>Python could not start: %1</source>
        <translation>Python konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="377"/>
        <source>Python is not running.</source>
        <translation>Python läuft nicht.</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="383"/>
        <source>Open Folder as Namespace</source>
        <translation>Ordner als Namensraum öffnen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="384"/>
        <source>%1 could not be opened as %2:
%3

Use this name anyway?</source>
        <translation>%1 konnte nicht als %2 geöffnet werden:
%3

Diesen Namen trotzdem verwenden?</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="394"/>
        <source>Could not open %1 as %2: %3</source>
        <translation>%1 konnte nicht als %2 geöffnet werden: %3</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="403"/>
        <source>%1 is now the namespace %2</source>
        <translation>%1 ist jetzt der Namensraum %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="421"/>
        <source>Restore Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="422"/>
        <source>Relive did not exit cleanly last time. Unsaved changes to these files were kept:

%1

Restore them?</source>
        <translation>Relive wurde beim letzten Mal nicht sauber beendet. Ungespeicherte Änderungen an diesen Dateien wurden aufbewahrt:

%1

Wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="431"/>
        <source>Could not restore %1: the file no longer exists</source>
        <translation>%1 konnte nicht wiederhergestellt werden: Die Datei existiert nicht mehr</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="457"/>
        <location filename="../app/ide/MainWindow.cpp" line="487"/>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="457"/>
        <location filename="../app/ide/MainWindow.cpp" line="465"/>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python-Dateien (*.py);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="465"/>
        <location filename="../app/ide/MainWindow.cpp" line="471"/>
        <source>New File</source>
        <translation>Neue Datei</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="472"/>
        <source>Could not create %1:
%2</source>
        <translation>%1 konnte nicht angelegt werden:
%2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="482"/>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="487"/>
        <source>Could not open %1:
%2</source>
        <translation>%1 konnte nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="492"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="506"/>
        <source>Reload of %1 failed: %2</source>
        <translation>Neuladen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="588"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="589"/>
        <source>Callable to run in a program thread (package.module:function):</source>
        <translation>In einem Programm-Thread auszuführende Funktion (paket.modul:funktion):</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="614"/>
        <source>Run a callable of the namespace</source>
        <translation>Eine Funktion des Namensraums ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="615"/>
        <source>Run %1</source>
        <translation>%1 ausführen</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="642"/>
        <source>%1 as %2</source>
        <translation>%1 als %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="661"/>
        <source>Line %1, Column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="674"/>
        <source>Relive</source>
        <translation>Relive</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="682"/>
        <source>About Relive</source>
        <translation>Über Relive</translation>
    </message>
    <message>
        <location filename="../app/ide/MainWindow.cpp" line="683"/>
        <source>&lt;h3&gt;Relive %1&lt;/h3&gt;&lt;p&gt;A live-coding IDE for Python: save a file and the running objects pick up the new code at once, with their state intact.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Relive %1&lt;/h3&gt;&lt;p&gt;Eine IDE für Live-Coding in Python: Speichern Sie eine Datei, und die laufenden Objekte übernehmen sofort den neuen Code, mit unverändertem Zustand.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NamespaceModel</name>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="16"/>
        <source>namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="18"/>
        <source>module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="20"/>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="22"/>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="24"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="230"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="232"/>
        <source>Defined in</source>
        <translation>Definiert in</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceModel.cpp" line="234"/>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
</context>
<context>
    <name>NamespaceView</name>
    <message>
        <location filename="../widgets/NamespaceView.cpp" line="76"/>
        <source>Go to Definition</source>
        <translation>Gehe zur Definition</translation>
    </message>
    <message>
        <location filename="../widgets/NamespaceView.cpp" line="80"/>
        <source>Count Live Instances</source>
        <translation>Lebende Instanzen zählen</translation>
    </message>
</context>
<context>
    <name>OpenFolderDialog</name>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="23"/>
        <source>Open Folder as Namespace</source>
        <translation>Ordner als Namensraum öffnen</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="30"/>
        <source>e.g. applib</source>
        <translation>z. B. applib</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="32"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="38"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="39"/>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namensraum:</translation>
    </message>
    <message>
        <location filename="../app/ide/OpenFolderDialog.cpp" line="70"/>
        <source>Choose a Folder</source>
        <translation>Ordner wählen</translation>
    </message>
</context>
<context>
    <name>OverridesView</name>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="17"/>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücknehmen</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="22"/>
        <source>Override of</source>
        <translation>Überschreibung von</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="22"/>
        <source>Typed in</source>
        <translation>Eingegeben in</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="22"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="22"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="25"/>
        <source>Revert</source>
        <translation>Zurücknehmen</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="30"/>
        <source>Put back what the file defines now</source>
        <translation>Wiederherstellen, was die Datei jetzt definiert</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="36"/>
        <source>@relive.override(Class) above a def in the console replaces a method of the running program until reverted.</source>
        <translation>@relive.override(Klasse) über einem def in der Konsole ersetzt eine Methode des laufenden Programms, bis sie zurückgenommen wird.</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="70"/>
        <source>file changed underneath</source>
        <translation>Datei darunter geändert</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="70"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../widgets/OverridesView.cpp" line="72"/>
        <source>The file was saved since: a revert puts back its new version</source>
        <translation>Die Datei wurde seitdem gespeichert: Zurücknehmen stellt ihre neue Fassung her</translation>
    </message>
</context>
<context>
    <name>ReloadLogView</name>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="14"/>
        <source>no changes</source>
        <translation>keine Änderungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/ReloadLogView.cpp" line="22"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="32"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="32"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="32"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="32"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="62"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../widgets/ReloadLogView.cpp" line="78"/>
        <source>%1 (line %2)</source>
        <translation>%1 (Zeile %2)</translation>
    </message>
</context>
<context>
    <name>WatchesView</name>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="21"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="26"/>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="26"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="30"/>
        <source>Remove Watch</source>
        <translation>Überwachung entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="43"/>
        <source>Add a watch expression</source>
        <translation>Zu überwachenden Ausdruck hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="50"/>
        <source>The module whose names the expressions see</source>
        <translation>Das Modul, dessen Namen die Ausdrücke sehen</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="57"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../widgets/WatchesView.cpp" line="59"/>
        <source>How often the watches are evaluated</source>
        <translation>Wie oft die Ausdrücke ausgewertet werden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/ide/main.cpp" line="35"/>
        <source>Live-coding IDE for Python.</source>
        <translation>IDE für Live-Coding in Python.</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="40"/>
        <source>Folder to open as a namespace (default: the bundled example).</source>
        <translation>Als Namensraum zu öffnender Ordner (Standard: das mitgelieferte Beispiel).</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="56"/>
        <source>Name of the namespace the folder is imported as.</source>
        <translation>Name des Namensraums, unter dem der Ordner importiert wird.</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="57"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="102"/>
        <source>Not a folder: %1</source>
        <translation>Kein Ordner: %1</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="116"/>
        <source>Relive</source>
        <translation>Relive</translation>
    </message>
    <message>
        <location filename="../app/ide/main.cpp" line="117"/>
        <source>Python could not start:
%1</source>
        <translation>Python konnte nicht starten:
%1</translation>
    </message>
</context>
</TS>
