package vn.thidua.platform.events;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Background work that is woken when there is something to do (after a commit) and polls as the
 * fallback: one worker thread runs {@code work} until it returns; wake-ups that arrive while a
 * round is already queued fold into it, and a wake-up never blocks its caller. The work must catch
 * its own failures: what it leaves is picked up by the next wake-up or poll.
 */
public final class Drain {
    private final String name;
    private final Runnable work;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService poller;
    private ExecutorService worker;

    public Drain(String name, Runnable work) {
        this.name = name;
        this.work = work;
    }

    public synchronized void start(Duration pollInterval) {
        worker = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, name));
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, name + "-poller"));
        poller.scheduleWithFixedDelay(this::wakeUp, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a round soon; calls while one is already queued are folded into it. Never blocks. */
    public void wakeUp() {
        ExecutorService running = worker;
        if (running != null && queued.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    queued.set(false);
                    work.run();
                });
            } catch (RejectedExecutionException shuttingDown) {
                queued.set(false);
            }
        }
    }

    public boolean started() {
        return worker != null;
    }

    /** Stops polling and lets a round in progress finish for up to {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (worker == null) {
            return;
        }
        poller.shutdownNow();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A daemon thread of that name: background work never keeps the JVM alive. */
    public static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
