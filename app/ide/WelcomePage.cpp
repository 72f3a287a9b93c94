#include "WelcomePage.h"

#include <QUrl>

namespace {

QString scheme() { return QStringLiteral("relive"); }

} // namespace

WelcomePage::WelcomePage(const QString &openFolderKeys, const QString &saveKeys,
                         const QString &runKeys, QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(24);
    setHtml(html(openFolderKeys, saveKeys, runKeys));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() != scheme())
            return;
        const QString target = url.path();
        if (target == QLatin1String("open-folder"))
            Q_EMIT openFolderRequested();
        else if (target == QLatin1String("documentation"))
            Q_EMIT documentationRequested();
        else if (target == QLatin1String("shortcuts"))
            Q_EMIT shortcutsRequested();
        else if (target.startsWith(QLatin1String("open-file/")))
            Q_EMIT openFileRequested(target.mid(int(qstrlen("open-file/"))));
    });
}

QString WelcomePage::html(const QString &openFolderKeys, const QString &saveKeys,
                          const QString &runKeys) const
{
    const QString codeBackground = palette().color(QPalette::AlternateBase).name();
    const QString pre = QStringLiteral("<pre style=\"background-color:%1; margin-left:16px\">%2</pre>");
    QString page;
    page += QStringLiteral("<h1>") + tr("Welcome to Relive") + QStringLiteral("</h1>");
    page += QStringLiteral("<p>")
        + tr("Relive runs your Python program inside the IDE. Every time you save a file, the "
             "classes and functions it defines are updated <b>in place</b>: objects that already "
             "exist run the new code at once, with their state intact. Three things to try with "
             "the bundled example:")
        + QStringLiteral("</p>");

    page += QStringLiteral("<h3>1. ") + tr("Open a folder as a namespace") + QStringLiteral("</h3><p>")
        + tr("<a href=\"relive:open-folder\">File ▸ Open Folder as Namespace…</a> (%1) makes a folder "
             "an importable package. The bundled example <code>resources/examples/server</code> "
             "opens as <code>applib</code>: <code>services/networking.py</code> defines "
             "<code>NetworkService</code>, which the Namespace pane shows as "
             "<code>applib.services.NetworkService</code>.")
              .arg(openFolderKeys)
        + QStringLiteral("</p>");

    page += QStringLiteral("<h3>2. ") + tr("Use the console on live objects") + QStringLiteral("</h3><p>")
        + tr("In the Console at the bottom, import from the namespace and make an object:")
        + QStringLiteral("</p>")
        + pre.arg(codeBackground,
                  QStringLiteral("from applib.services import NetworkService\n"
                                 "s = NetworkService()\n"
                                 "s.handle(\"hello\")"))
        + QStringLiteral("<p>") + tr("The console answers <code>'[echo #1] hello'</code>.")
        + QStringLiteral("</p>");

    page += QStringLiteral("<h3>3. ") + tr("Edit, save, and see the change") + QStringLiteral("</h3><p>")
        + tr("Open <a href=\"relive:open-file/services/networking.py\">services/networking.py</a>, "
             "change the text that <code>NetworkService.handle</code> returns, and save (%1). The "
             "Reload Log shows <code>NetworkService.handle: code replaced</code>. Call "
             "<code>s.handle(\"hello\")</code> again: the same object runs the new code, and its "
             "counter carries on at 2.")
              .arg(saveKeys)
        + QStringLiteral("</p>");

    page += QStringLiteral("<p>")
        + tr("Open <code>main.py</code> and choose Run ▸ Run File (%1): the example's loop prints a "
             "line every second. Edit <code>handle</code> while it runs and the next line shows the new code. "
             "A save with a syntax error applies nothing; the editor marks the line and the old "
             "code keeps running.")
              .arg(runKeys)
        + QStringLiteral("</p><p>")
        + tr("More in <a href=\"relive:documentation\">Help ▸ Documentation</a> and "
             "<a href=\"relive:shortcuts\">Help ▸ Keyboard Shortcuts</a>. This page stays "
             "under Help ▸ Welcome.")
        + QStringLiteral("</p>");
    return page;
}
