# The project's commands. Each installs what it needs first (scripts/setup.sh).
.PHONY: serve test bench build setup

serve:  ## build the release and serve it on http://127.0.0.1:8080/
	scripts/serve.sh

test:   ## every gate: fmt, clippy, native, browser, e2e, accessibility, CSP, benchmark
	scripts/test.sh

bench:  ## sizes and first-render time of the release build
	scripts/setup.sh
	scripts/bench.sh

build:
	scripts/build.sh

setup:
	scripts/setup.sh
