#include "RunConfigurations.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QVariantMap>

namespace {

QString sessionsKey() { return QStringLiteral("runConfigurations"); }

const QRegularExpression &dottedName()
{
    static const QRegularExpression name(QStringLiteral("^\\w+(\\.\\w+)*$"));
    return name;
}

const QRegularExpression &callableName()
{
    static const QRegularExpression name(QStringLiteral("^\\w+(\\.\\w+)*(:\\w+(\\.\\w+)*)?$"));
    return name;
}

} // namespace

RunConfiguration::Kind RunConfiguration::kind() const
{
    const QString text = target.trimmed();
    if (text.startsWith(QStringLiteral("-m ")) || text.startsWith(QStringLiteral("-m\t")))
        return Kind::Module;
    if (text.endsWith(QStringLiteral(".py")) || text.contains(QLatin1Char('/'))
        || text.contains(QLatin1Char('\\')))
        return Kind::File;
    return Kind::Callable;
}

QString RunConfiguration::moduleName() const
{
    return target.trimmed().mid(2).trimmed();
}

QString RunConfiguration::filePath(const QString &folder) const
{
    return QDir::cleanPath(QDir(folder).absoluteFilePath(target.trimmed()));
}

QList<std::pair<QString, QString>> RunConfiguration::parseEnvironment(const QString &text, QString *error)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QList<std::pair<QString, QString>> variables;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const int equals = line.indexOf(QLatin1Char('='));
        const QString name = equals < 0 ? line : line.left(equals).trimmed();
        if (equals < 0 || !validName.match(name).hasMatch()) {
            if (error)
                *error = tr("environment line %1 is not NAME=VALUE: %2").arg(i + 1).arg(line);
            return {};
        }
        variables.append({name, line.mid(equals + 1)});
    }
    return variables;
}

ProgramSetup RunConfiguration::setup(const QString &folder, QString *error) const
{
    QString problem;
    ProgramSetup setup;
    const QString what = target.trimmed();
    if (what.isEmpty()) {
        problem = tr("it names nothing to run");
    } else if (kind() == Kind::File && !QFileInfo(filePath(folder)).isFile()) {
        problem = tr("the file %1 does not exist").arg(QDir::toNativeSeparators(filePath(folder)));
    } else if (kind() == Kind::Module && !dottedName().match(moduleName()).hasMatch()) {
        problem = tr("\"%1\" is not \"-m\" followed by a module name").arg(what);
    } else if (kind() == Kind::Callable && !callableName().match(what).hasMatch()) {
        problem = tr("\"%1\" is neither a .py file, \"-m module\" nor package.module:callable").arg(what);
    }
    if (problem.isEmpty() && !workingDirectory.trimmed().isEmpty()) {
        setup.workingDirectory = QDir::cleanPath(QDir(folder).absoluteFilePath(workingDirectory.trimmed()));
        if (!QFileInfo(setup.workingDirectory).isDir())
            problem = tr("the working directory %1 does not exist")
                          .arg(QDir::toNativeSeparators(setup.workingDirectory));
    }
    if (problem.isEmpty())
        setup.environment = parseEnvironment(environment, &problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = tr("The run configuration \"%1\" cannot run: %2").arg(name, problem);
        return {};
    }
    setup.arguments = QProcess::splitCommand(arguments);
    if (error)
        error->clear();
    return setup;
}

const RunConfiguration *RunConfigurations::find(const QString &name) const
{
    for (const RunConfiguration &configuration : configurations) {
        if (configuration.name == name)
            return &configuration;
    }
    return nullptr;
}

RunConfigurations RunConfigurations::load(const QString &folder)
{
    RunConfigurations result;
    const QVariantMap session = QSettings().value(sessionsKey()).toMap().value(folder).toMap();
    const QVariantList list = session.value(QStringLiteral("configurations")).toList();
    for (const QVariant &item : list) {
        const QVariantMap map = item.toMap();
        RunConfiguration configuration;
        configuration.name = map.value(QStringLiteral("name")).toString();
        configuration.target = map.value(QStringLiteral("target")).toString();
        configuration.arguments = map.value(QStringLiteral("arguments")).toString();
        configuration.workingDirectory = map.value(QStringLiteral("workingDirectory")).toString();
        configuration.environment = map.value(QStringLiteral("environment")).toString();
        if (!configuration.name.isEmpty() && !result.find(configuration.name))
            result.configurations.append(configuration);
    }
    result.chosen = session.value(QStringLiteral("chosen")).toString();
    // A choice whose configuration is gone falls back to the current file.
    if (!result.find(result.chosen))
        result.chosen.clear();
    return result;
}

void RunConfigurations::save(const QString &folder) const
{
    if (folder.isEmpty())
        return;
    QVariantList list;
    for (const RunConfiguration &configuration : configurations) {
        QVariantMap map;
        map.insert(QStringLiteral("name"), configuration.name);
        map.insert(QStringLiteral("target"), configuration.target);
        map.insert(QStringLiteral("arguments"), configuration.arguments);
        map.insert(QStringLiteral("workingDirectory"), configuration.workingDirectory);
        map.insert(QStringLiteral("environment"), configuration.environment);
        list.append(map);
    }
    QVariantMap session;
    session.insert(QStringLiteral("configurations"), list);
    session.insert(QStringLiteral("chosen"), chosen);
    QSettings settings;
    QVariantMap sessions = settings.value(sessionsKey()).toMap();
    if (configurations.isEmpty() && chosen.isEmpty())
        sessions.remove(folder);
    else
        sessions.insert(folder, session);
    settings.setValue(sessionsKey(), sessions);
}
