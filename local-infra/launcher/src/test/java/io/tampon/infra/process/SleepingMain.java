package io.tampon.infra.process;

/** A "server" that runs until it is stopped. */
public final class SleepingMain {

    private SleepingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("serving");
        Thread.currentThread().join();
    }
}
