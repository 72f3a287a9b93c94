#include "WatchesView.h"

#include <QAction>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLineEdit>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

WatchesView::WatchesView(WatchEvaluator *evaluator, QWidget *parent)
    : QWidget(parent)
    , m_evaluator(evaluator)
    , m_list(new QTreeWidget(this))
    , m_input(new QLineEdit(this))
    , m_module(new QLineEdit(this))
    , m_interval(new QDoubleSpinBox(this))
    , m_paused(new QCheckBox(tr("Paused"), this))
    , m_timer(new QTimer(this))
{
    m_list->setObjectName(QStringLiteral("watchesList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Expression"), tr("Value")});
    m_list->header()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *remove = new QAction(tr("Remove Watch"), m_list);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(remove);
    connect(remove, &QAction::triggered, this, &WatchesView::removeSelected);
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *, int column) {
        if (column == ExpressionColumn) {
            Q_EMIT settingsChanged();
            evaluateNow();
        }
    });

    m_input->setObjectName(QStringLiteral("watchInput"));
    m_input->setPlaceholderText(tr("Add a watch expression"));
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        addExpression(m_input->text());
        m_input->clear();
    });
    m_module->setObjectName(QStringLiteral("watchModule"));
    m_module->setPlaceholderText(QStringLiteral("__main__"));
    m_module->setToolTip(tr("The module whose names the expressions see"));
    connect(m_module, &QLineEdit::editingFinished, this, [this] {
        Q_EMIT settingsChanged();
        evaluateNow();
    });
    m_interval->setRange(0.1, 3600);
    m_interval->setDecimals(1);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(1.0);
    m_interval->setToolTip(tr("How often the watches are evaluated"));
    connect(m_interval, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this](double seconds) {
        m_timer->setInterval(int(seconds * 1000));
        Q_EMIT settingsChanged();
    });
    connect(m_paused, &QCheckBox::toggled, this, [this](bool paused) {
        if (paused)
            m_timer->stop();
        else
            m_timer->start();
        Q_EMIT settingsChanged();
    });

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &WatchesView::evaluateNow);
    m_timer->start();
    connect(m_evaluator, &WatchEvaluator::evaluated, this, &WatchesView::showResults);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_input, 2);
    controls->addWidget(m_module, 1);
    controls->addWidget(m_interval);
    controls->addWidget(m_paused);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(controls);
}

QStringList WatchesView::expressions() const
{
    QStringList result;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        result.append(m_list->topLevelItem(i)->text(ExpressionColumn));
    return result;
}

void WatchesView::setExpressions(const QStringList &expressions)
{
    m_list->clear();
    for (const QString &e : expressions)
        addExpression(e);
}

void WatchesView::addExpression(const QString &expression)
{
    const QString e = expression.trimmed();
    if (e.isEmpty())
        return;
    QSignalBlocker block(m_list);
    auto *item = new QTreeWidgetItem(m_list, {e});
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    Q_EMIT settingsChanged();
    evaluateNow();
}

QString WatchesView::module() const { return m_module->text().trimmed(); }
void WatchesView::setModule(const QString &module) { m_module->setText(module); }
int WatchesView::interval() const { return m_timer->interval(); }
void WatchesView::setInterval(int ms) { m_interval->setValue(ms / 1000.0); }
bool WatchesView::isPaused() const { return m_paused->isChecked(); }
void WatchesView::setPaused(bool paused) { m_paused->setChecked(paused); }

void WatchesView::evaluateNow()
{
    const QStringList list = expressions();
    if (list.isEmpty())
        return;
    // Refused while an evaluation is running (a slow watch): this one
    // follows as soon as that one is done.
    if (!m_evaluator->evaluate(list, module()))
        m_pending = true;
}

void WatchesView::showResults(const QList<WatchResult> &results)
{
    QSignalBlocker block(m_list);
    const QColor errorColor(190, 30, 30);
    const QBrush changed(QColor(255, 220, 120, 140));
    for (int i = 0; i < m_list->topLevelItemCount() && i < results.size(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->text(ExpressionColumn) != results[i].expression)
            continue;  // edited while it was being evaluated
        const QString previous = item->text(ValueColumn);
        const bool isChanged = !previous.isEmpty() && previous != results[i].value;
        item->setText(ValueColumn, results[i].value);
        item->setToolTip(ValueColumn, results[i].value);
        item->setData(ValueColumn, ChangedRole, isChanged);
        item->setBackground(ValueColumn, isChanged ? changed : QBrush());
        item->setForeground(ValueColumn, results[i].error ? QBrush(errorColor) : QBrush());
    }
    if (m_pending) {
        m_pending = false;
        evaluateNow();
    }
}

void WatchesView::removeSelected()
{
    qDeleteAll(m_list->selectedItems());
    Q_EMIT settingsChanged();
}
