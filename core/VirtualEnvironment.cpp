#include "VirtualEnvironment.h"

#include "PythonResource_p.h"
#include "PythonRuntime_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <pybind11/stl.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("VirtualEnvironment", text);
}

// "key = value" lines of pyvenv.cfg.
QString configValue(const QByteArray &config, const char *key)
{
    for (const QByteArray &line : config.split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0 && line.left(equals).trimmed() == key)
            return QString::fromUtf8(line.mid(equals + 1).trimmed());
    }
    return {};
}

QString majorMinor(const QString &version)
{
    static const QRegularExpression number(QStringLiteral("^(\\d+)\\.(\\d+)"));
    const QRegularExpressionMatch match = number.match(version);
    return match.hasMatch() ? match.captured(1) + QLatin1Char('.') + match.captured(2) : QString();
}

} // namespace

QString VirtualEnvironment::minorVersion() const
{
    return majorMinor(version);
}

bool VirtualEnvironment::fits(const QString &pythonVersion) const
{
    return isValid() && !minorVersion().isEmpty() && minorVersion() == majorMinor(pythonVersion);
}

QString VirtualEnvironment::mismatch(const QString &pythonVersion) const
{
    if (fits(pythonVersion))
        return {};
    const QString where = QDir::toNativeSeparators(path);
    if (minorVersion().isEmpty())
        return tr("The virtual environment %1 does not say which Python it is for; Relive runs Python %2. "
                  "Make it again with python%3 -m venv.")
            .arg(where, pythonVersion, majorMinor(pythonVersion));
    return tr("The virtual environment %1 is for Python %2, but Relive runs Python %3: its packages "
              "cannot be used. Make one for Python %4 with python%4 -m venv.")
        .arg(where, version, pythonVersion, majorMinor(pythonVersion));
}

VirtualEnvironment VirtualEnvironment::read(const QString &folder, QString *error)
{
    const QDir dir(folder);
    QFile file(dir.filePath(QStringLiteral("pyvenv.cfg")));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1 is not a virtual environment: it has no pyvenv.cfg.").arg(QDir::toNativeSeparators(folder));
        return {};
    }
    const QByteArray config = file.readAll();
    VirtualEnvironment venv;
    venv.path = QFileInfo(folder).absoluteFilePath();
    // `version` from venv, `version_info` from virtualenv and uv.
    venv.version = configValue(config, "version");
    if (venv.version.isEmpty())
        venv.version = configValue(config, "version_info");
    for (const QString &lib : {QStringLiteral("lib"), QStringLiteral("Lib")}) {
        const QDir libDir(dir.filePath(lib));
        for (const QString &python : libDir.entryList({QStringLiteral("python3*")}, QDir::Dirs, QDir::Name)) {
            const QString site = libDir.filePath(python + QStringLiteral("/site-packages"));
            // Without a version in pyvenv.cfg, the folder's name tells it.
            if (QFileInfo(site).isDir() && (venv.version.isEmpty() || majorMinor(python.mid(6)) == venv.minorVersion())) {
                if (venv.version.isEmpty())
                    venv.version = python.mid(6);
                venv.sitePackages << site;
            }
        }
        if (QFileInfo(libDir.filePath(QStringLiteral("site-packages"))).isDir())
            venv.sitePackages << libDir.filePath(QStringLiteral("site-packages"));
    }
    return venv;
}

QString VirtualEnvironment::find(const QString &folder)
{
    QDir dir(folder);
    for (int level = 0; level < 2; ++level) {
        for (const QString &name : {QStringLiteral(".venv"), QStringLiteral("venv"), QStringLiteral("env")}) {
            if (QFileInfo::exists(dir.filePath(name + QStringLiteral("/pyvenv.cfg"))))
                return QFileInfo(dir.filePath(name)).absoluteFilePath();
        }
        // Any other name only in the project's own folder: beside it, a venv
        // of another name may be another project's.
        for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name)) {
            if (level == 0 && QFileInfo::exists(dir.filePath(name + QStringLiteral("/pyvenv.cfg"))))
                return QFileInfo(dir.filePath(name)).absoluteFilePath();
        }
        if (!dir.cdUp())
            break;
    }
    return {};
}

void useVirtualEnvironment(PythonRuntime *runtime, const VirtualEnvironment &venv)
{
    const std::string prefix = venv.path.toStdString();
    std::vector<std::string> sites;
    for (const QString &site : venv.sitePackages)
        sites.push_back(site.toStdString());
    const bool valid = venv.isValid();
    postConsole(runtime, [prefix, sites, valid] {
        try {
            py::module_ helper = importResourceModule("relive_venv", QStringLiteral("relive_venv.py"));
            if (valid)
                helper.attr("activate")(prefix, sites);
            else
                helper.attr("deactivate")();
        } catch (py::error_already_set &e) {
            printPythonException(e);
        }
    });
}
