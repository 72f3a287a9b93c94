#include "EditorIntelligence.h"

#include "Importer_p.h"
#include "PythonResource_p.h"
#include "PythonRuntime_p.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>

namespace {

QString str(py::handle h)
{
    return QString::fromStdString(py::str(h).cast<std::string>());
}

// Everything a request can answer; each kind fills its part.
struct Answer
{
    QList<Completion> completions;
    QList<CallTip> tips;
    QString title;
    QString text;
    QList<Definition> sites;
    QList<Diagnostic> diagnostics;
    QString error;
    bool packageChecked = false;  // false when the request was skipped
    QString missingPackage;
};

// The package each feature needs, and the module that uses it.
const char *packageOf(EditorIntelligence::Feature feature)
{
    return feature == EditorIntelligence::Feature::Completion ? "jedi" : "pyflakes";
}

py::module_ glueOf(EditorIntelligence::Feature feature)
{
    return feature == EditorIntelligence::Feature::Completion
        ? importResourceModule("relive_intelligence", QStringLiteral("relive_intelligence.py"))
        : importResourceModule("relive_checker", QStringLiteral("relive_checker.py"));
}

QList<Definition> toSites(py::handle list)
{
    QList<Definition> sites;
    for (py::handle item : list) {
        py::tuple t = py::reinterpret_borrow<py::tuple>(item);
        Definition site;
        site.file = str(t[0]);
        site.line = t[1].cast<int>();
        site.column = t[2].cast<int>();
        site.name = str(t[3]);
        site.lineText = str(t[4]);
        site.readOnly = t[5].cast<bool>();
        sites << site;
    }
    return sites;
}

} // namespace

class EditorIntelligence::Private
{
public:
    // Shared with the jobs, which may outlive the object: the newest
    // generation per request key ("kind|file").
    struct Generations
    {
        QMutex mutex;
        QHash<QString, int> latest;
        int counter = 0;
        bool isLatest(const QString &key, int generation)
        {
            QMutexLocker lock(&mutex);
            return latest.value(key) == generation;
        }
    };

    int post(EditorIntelligence *q, const QString &kind, Feature feature, const QString &file,
             std::function<void(py::module_ &, Answer &)> work,
             std::function<void(EditorIntelligence *, int, const Answer &)> emitter);
    // On the GUI thread, with what a request found out about the package.
    void notePackage(EditorIntelligence *q, Feature feature, const QString &missing);

    QPointer<PythonRuntime> runtime;
    std::shared_ptr<Generations> generations = std::make_shared<Generations>();
    QString missingPackages[2];  // by Feature
};

void EditorIntelligence::Private::notePackage(EditorIntelligence *q, Feature feature, const QString &missing)
{
    QString &known = missingPackages[int(feature)];
    if (known == missing)
        return;
    known = missing;
    Q_EMIT q->missingPackageChanged(feature, missing);
}

int EditorIntelligence::Private::post(EditorIntelligence *q, const QString &kind, Feature feature, const QString &file,
                                      std::function<void(py::module_ &, Answer &)> work,
                                      std::function<void(EditorIntelligence *, int, const Answer &)> emitter)
{
    const QString key = kind + QLatin1Char('|') + file;
    int generation;
    {
        QMutexLocker lock(&generations->mutex);
        generation = ++generations->counter;
        generations->latest.insert(key, generation);
    }
    if (!runtime || !runtime->isRunning())
        return generation;
    std::shared_ptr<Generations> shared = generations;
    QPointer<EditorIntelligence> target(q);
    postLive(runtime, [shared, target, key, feature, generation, work, emitter] {
        auto answer = std::make_shared<Answer>();
        // Whatever happens below, the answer goes back; the GUI thread drops
        // it if a newer request came meanwhile.
        struct Deliver
        {
            std::shared_ptr<Generations> shared;
            QPointer<EditorIntelligence> target;
            QString key;
            Feature feature;
            int generation;
            std::shared_ptr<Answer> answer;
            std::function<void(EditorIntelligence *, int, const Answer &)> emitter;
            ~Deliver()
            {
                if (!target)
                    return;
                auto shared = this->shared;
                auto target = this->target;
                auto key = this->key;
                auto feature = this->feature;
                auto generation = this->generation;
                auto answer = this->answer;
                auto emitter = this->emitter;
                QMetaObject::invokeMethod(target.data(), [=] {
                    if (!target)
                        return;
                    if (answer->packageChecked)
                        target->d->notePackage(target.data(), feature, answer->missingPackage);
                    if (!shared->isLatest(key, generation))
                        return;
                    if (!answer->error.isEmpty())
                        Q_EMIT target->requestFailed(answer->error);
                    emitter(target.data(), generation, *answer);
                }, Qt::QueuedConnection);
            }
        } deliver{shared, target, key, feature, generation, answer, emitter};

        if (!shared->isLatest(key, generation))
            return;  // superseded before it started: skip the work
        try {
            const bool hasPackage = hasPythonPackage(packageOf(feature));
            answer->packageChecked = true;
            if (!hasPackage) {
                answer->missingPackage = QString::fromLatin1(packageOf(feature));
                // Completion has nothing to answer with but the empty answer;
                // the checker still has the syntax and namespace checks.
                if (feature == Feature::Completion)
                    return;
            }
            py::module_ glue = glueOf(feature);
            glue.attr("set_index")(Importer::instance().editorIndex());
            work(glue, *answer);
        } catch (py::error_already_set &e) {
            py::object traceback = py::module_::import("traceback");
            py::object value = e.value();
            if (e.trace())
                value.attr("__traceback__") = e.trace();
            answer->error = str(py::str("").attr("join")(traceback.attr("format_exception")(value)));
        } catch (std::exception &e) {
            answer->error = QString::fromUtf8(e.what());
        }
    });
    return generation;
}

EditorIntelligence::EditorIntelligence(PythonRuntime *runtime, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<Completion>();
    qRegisterMetaType<CallTip>();
    qRegisterMetaType<Definition>();
    qRegisterMetaType<Diagnostic>();
    qRegisterMetaType<QList<Completion>>();
    qRegisterMetaType<QList<CallTip>>();
    qRegisterMetaType<QList<Definition>>();
    qRegisterMetaType<QList<Diagnostic>>();
    d->runtime = runtime;
}

EditorIntelligence::~EditorIntelligence() = default;

QString EditorIntelligence::missingPackage(Feature feature) const
{
    return d->missingPackages[int(feature)];
}

int EditorIntelligence::requestCompletions(const QString &file, const QString &source, int line, int column)
{
    return d->post(this, QStringLiteral("complete"), Feature::Completion, file, [=](py::module_ &glue, Answer &answer) {
        for (py::handle item : glue.attr("complete")(source.toStdString(), file.toStdString(), line, column)) {
            py::tuple t = py::reinterpret_borrow<py::tuple>(item);
            answer.completions << Completion{str(t[0]), str(t[1]), t[2].cast<int>()};
        }
    }, [](EditorIntelligence *q, int generation, const Answer &answer) {
        Q_EMIT q->completionsReady(generation, answer.completions);
    });
}

int EditorIntelligence::requestCallTips(const QString &file, const QString &source, int line, int column)
{
    return d->post(this, QStringLiteral("calltip"), Feature::Completion, file, [=](py::module_ &glue, Answer &answer) {
        for (py::handle item : glue.attr("signatures")(source.toStdString(), file.toStdString(), line, column)) {
            py::tuple t = py::reinterpret_borrow<py::tuple>(item);
            answer.tips << CallTip{str(t[0]), t[1].cast<int>(), str(t[2])};
        }
    }, [](EditorIntelligence *q, int generation, const Answer &answer) {
        Q_EMIT q->callTipsReady(generation, answer.tips);
    });
}

int EditorIntelligence::requestHelp(const QString &file, const QString &source, int line, int column)
{
    return d->post(this, QStringLiteral("help"), Feature::Completion, file, [=](py::module_ &glue, Answer &answer) {
        py::object result = glue.attr("help")(source.toStdString(), file.toStdString(), line, column);
        if (!result.is_none()) {
            answer.title = str(result[py::int_(0)]);
            answer.text = str(result[py::int_(1)]);
        }
    }, [](EditorIntelligence *q, int generation, const Answer &answer) {
        Q_EMIT q->helpReady(generation, answer.title, answer.text);
    });
}

int EditorIntelligence::requestDefinitions(const QString &file, const QString &source, int line, int column)
{
    return d->post(this, QStringLiteral("definition"), Feature::Completion, file, [=](py::module_ &glue, Answer &answer) {
        answer.sites = toSites(glue.attr("definitions")(source.toStdString(), file.toStdString(), line, column));
    }, [](EditorIntelligence *q, int generation, const Answer &answer) {
        Q_EMIT q->definitionsReady(generation, answer.sites);
    });
}

int EditorIntelligence::requestUsages(const QString &file, const QString &source, int line, int column)
{
    return d->post(this, QStringLiteral("usages"), Feature::Completion, file, [=](py::module_ &glue, Answer &answer) {
        answer.sites = toSites(glue.attr("usages")(source.toStdString(), file.toStdString(), line, column));
    }, [](EditorIntelligence *q, int generation, const Answer &answer) {
        Q_EMIT q->usagesReady(generation, answer.sites);
    });
}

int EditorIntelligence::requestDiagnostics(const QString &file, const QString &source)
{
    return d->post(this, QStringLiteral("diagnostics"), Feature::Checker, file, [=](py::module_ &glue, Answer &answer) {
        for (py::handle item : glue.attr("diagnostics")(source.toStdString(), file.toStdString(),
                                                          answer.missingPackage.isEmpty())) {
            py::tuple t = py::reinterpret_borrow<py::tuple>(item);
            Diagnostic diagnostic;
            diagnostic.line = t[0].cast<int>();
            diagnostic.column = t[1].cast<int>();
            diagnostic.message = str(t[2]);
            diagnostic.severity = t[3].cast<bool>() ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
            answer.diagnostics << diagnostic;
        }
    }, [file](EditorIntelligence *q, int generation, const Answer &answer) {
        Q_EMIT q->diagnosticsReady(generation, file, answer.diagnostics);
    });
}
