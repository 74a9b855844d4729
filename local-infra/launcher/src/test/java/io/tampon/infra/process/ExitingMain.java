package io.tampon.infra.process;

/** A "server" that dies at start, for testing how failures are reported. */
public final class ExitingMain {

    private ExitingMain() {
    }

    public static void main(String[] args) {
        System.out.println("cannot bind: address already in use");
        System.exit(3);
    }
}
