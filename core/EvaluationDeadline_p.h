#pragma once

// Private to core: includes Python.
#include <pybind11/pybind11.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

// Bounds the time Python code may run on the current thread while it exists:
// past the limit, `exceptionType` (TimeoutError unless said otherwise) is
// raised in it asynchronously (again every 100 ms, in case the code catches
// it). Python code only: a blocking call in C (time.sleep, a socket read) is
// not interrupted until it returns. Construct and finish with the GIL held, on
// the thread that runs the code; the watching thread is stopped and joined
// however the scope is left. Used for watch expressions and for the reload's
// module body.
class EvaluationDeadline
{
public:
    explicit EvaluationDeadline(double seconds, PyObject *exceptionType = PyExc_TimeoutError)
        : m_threadId(PyThread_get_thread_ident())
        , m_limit(std::chrono::duration<double>(seconds))
        , m_exceptionType(exceptionType)
        , m_thread([this] { watch(); })
    {
    }
    ~EvaluationDeadline() { finish(); }
    EvaluationDeadline(const EvaluationDeadline &) = delete;
    EvaluationDeadline &operator=(const EvaluationDeadline &) = delete;

    // Right after the code returned or raised.
    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_running = false;
        // Drop one not yet delivered. Only then: on 3.11 the call flags every
        // thread's eval loop for an asynchronous exception even when it clears
        // one, and the flag stays set (a traced frame then spins at its start).
        if (m_expired)
            PyThreadState_SetAsyncExc(m_threadId, nullptr);
        pybind11::gil_scoped_release release;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

    bool expired() const { return m_expired; }

private:
    void watch()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (m_wake.wait_for(lock, m_limit, [this] { return m_done; }))
            return;
        while (!m_done) {
            lock.unlock();
            {
                PyGILState_STATE state = PyGILState_Ensure();
                if (m_running) {
                    m_expired = true;
                    PyThreadState_SetAsyncExc(m_threadId, m_exceptionType);
                }
                PyGILState_Release(state);
            }
            lock.lock();
            m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_done; });
        }
    }

    unsigned long m_threadId;
    std::chrono::duration<double> m_limit;
    PyObject *m_exceptionType;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    bool m_finished = false;
    std::atomic<bool> m_running{true};
    std::atomic<bool> m_expired{false};
    std::thread m_thread;
};
