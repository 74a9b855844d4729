#!/usr/bin/env python3
"""Runs a Jib image tarball without a container engine, to prove the image starts.

Unpacks the image's layers into a root file system, mounts /proc there (as a container runtime would) and starts
the image's entrypoint with chroot, as the image's user, with the image's environment, on the host's network. Then
polls an HTTP path until it answers 200, prints the answer and stops the process. Needs root (chroot, mount).

    deploy/images/smoke_test.py <image.tar> <port> <path> [-Dname=value ...]

The -D options go to the JVM (e.g. the Kafka and Cassandra addresses of a running local system).
"""
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request


def main():
    tarball, port, path, props = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    with tempfile.TemporaryDirectory() as work:
        image, root = os.path.join(work, "image"), os.path.join(work, "root")
        with tarfile.open(tarball) as t:
            t.extractall(image)
        manifest = json.load(open(os.path.join(image, "manifest.json")))[0]
        config = json.load(open(os.path.join(image, manifest["Config"])))["config"]
        os.makedirs(root)
        for layer in manifest["Layers"]:
            with tarfile.open(os.path.join(image, layer)) as t:
                t.extractall(root)
        os.makedirs(os.path.join(root, "proc"), exist_ok=True)
        subprocess.run(["mount", "-t", "proc", "proc", os.path.join(root, "proc")], check=True)
        log = open(os.path.join(work, "out.log"), "w+")
        entrypoint = config["Entrypoint"]
        env = dict(e.split("=", 1) for e in config.get("Env", []))
        # chroot itself is found on the host's PATH; inside, the image's PATH finds java.
        env["PATH"] = env.get("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin"
        command = ["chroot", "--userspec=" + config.get("User", "0:0"), root, entrypoint[0], *props, *entrypoint[1:]]
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            last = "nothing"
            for _ in range(120):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as answer:
                        body = answer.read().decode()
                        print(f"{tarball}: user {config.get('User')}, {path} -> {answer.status} {body}")
                        return 0
                except urllib.error.HTTPError as e:
                    last = f"{e.code} {e.read().decode()[:300]}"
                except OSError as e:
                    last = str(e)
                if process.poll() is not None:
                    break
                time.sleep(1)
            log.seek(0)
            print(f"{tarball}: no 200 on {port}{path} (last: {last}); the output:\n" + log.read()[-3000:])
            return 1
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
            subprocess.run(["umount", os.path.join(root, "proc")])


if __name__ == "__main__":
    sys.exit(main())
