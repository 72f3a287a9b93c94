#pragma once

// Private to core: includes Python.
#include <pybind11/pybind11.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

// Bounds the time Python code may run on the current thread: past the limit,
// TimeoutError is raised in it asynchronously (again every 100 ms, in case
// the code catches it). Python code only: a blocking call in C (time.sleep,
// a socket read) is not interrupted until it returns. Construct and finish
// with the GIL held, on the thread that runs the code.
class EvaluationDeadline
{
public:
    explicit EvaluationDeadline(double seconds)
        : m_threadId(PyThread_get_thread_ident())
        , m_limit(std::chrono::duration<double>(seconds))
        , m_thread([this] { watch(); })
    {
    }
    ~EvaluationDeadline() { finish(); }

    // Right after the code returned or raised.
    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_running = false;
        PyThreadState_SetAsyncExc(m_threadId, nullptr);  // drop one not yet delivered
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
                    PyThreadState_SetAsyncExc(m_threadId, PyExc_TimeoutError);
                }
                PyGILState_Release(state);
            }
            lock.lock();
            m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_done; });
        }
    }

    unsigned long m_threadId;
    std::chrono::duration<double> m_limit;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    bool m_finished = false;
    std::atomic<bool> m_running{true};
    std::atomic<bool> m_expired{false};
    std::thread m_thread;
};
