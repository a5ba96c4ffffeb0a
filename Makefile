# rotor: the two documented commands are `make run` and `make test`.
# Each installs what it needs on a Debian/Ubuntu machine that has Swift.

SWIFT ?= swift
# The system packages rotor builds against (ncurses wide; SQLite for the feed cache,
# which GRDB links from the system on Linux) and tests with (tmux; PostgreSQL's server
# for the shared store's tests, started throwaway by Tests/postgres-server.sh).
RUN_PACKAGES := libncursesw5-dev libsqlite3-dev
TEST_PACKAGES := $(RUN_PACKAGES) tmux postgresql
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps test-deps install-packages build release bench bench-store bench-collect bench-suite soak reference demo-data clean

## run: build in release mode and open the dashboard on the bundled demo
## (a replay from a year before the data's end; q quits)
run: deps release
	.build/release/rotor

## test: install the system packages, then build and run every test, with a
## throwaway PostgreSQL server on loopback for the store's tests (stopped and
## removed on exit, also when a test fails). The desk-scale suites (twenty
## dashboards, twenty readers at once) run after the rest, alone: on two cores their
## bursts of processes starve the other suites' local servers and time out their
## collectors.
DESK_SUITES := SharedCollectorTmuxTests|StoreScaleCommandTests
test: test-deps
	$(SWIFT) build --build-tests
	Tests/postgres-server.sh run sh -c '$(SWIFT) test --skip-build --skip "$(DESK_SUITES)" && $(SWIFT) test --skip-build --filter "$(DESK_SUITES)"'

## deps / test-deps: the Debian packages to build and run / to test, installed
## only when missing
deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(RUN_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(TEST_PACKAGES)"

install-packages:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product rotor

## bench: release-build timings of the analytics core, of a whole export, and of a
## dashboard starting from the shared store with 2000 members
bench: test-deps release
	.build/release/rotor bench
	Benchmarks/export-vs-pandas.sh
	Benchmarks/dashboard.sh
	Benchmarks/store-scale.sh

## bench-store: a dashboard's start from the shared store with a 2000-member
## universe (a throwaway PostgreSQL server): phases, first frames, memory, and the
## collector's request budget over that universe
bench-store: test-deps release
	Benchmarks/store-scale.sh

## bench-collect: `rotor collect --once` carrying 2000 members from a local
## stand-in into a throwaway PostgreSQL server (about 17 minutes: the budget)
bench-collect: test-deps release
	Benchmarks/collect-scale.sh

## bench-suite: the ordo-one benchmark package (Benchmarks/): analytics, update
## after a new bar, CSV import, a 200x60 frame, a headless snapshot
bench-suite: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark --no-progress

## soak: the app loop headless on a fast clock (a week of use), then the real poller
## on a virtual clock for 1,000,000 fetches (weeks of polling); memory and files
soak: release
	.build/release/rotor soak --steps 100000 --polls 10000 --fetches 1000000

## reference: regenerate the independent expected values (needs Python + pandas)
reference:
	python3 Tests/RotorCoreTests/Reference/make_reference.py
	python3 Tests/RotorCLITests/Reference/alert_reference.py
	python3 Tests/RotorCLITests/Reference/records_reference.py
	python3 Tests/RotorCLITests/Reference/avgcorr_reference.py
	python3 Tests/RotorCLITests/Reference/positioning_reference.py

## demo-data: regenerate Samples/demo from the committed seed
demo-data: release
	.build/release/rotor demo-data --out Samples/demo

clean:
	rm -rf .build
