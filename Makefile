# SPDX-License-Identifier: GPL-2.0
#
# make                      build nicmem.ko for the running kernel
# make KDIR=<build dir>     ... for another kernel's headers
# make modules_install      install it (depmod)
# make demo                 the summary from a real kernel, in a QEMU VM
# make demo ARCH=arm64      ... on arm64 with 64 KiB pages and two nodes
# make check                every test; ends with "N passed, N failed"
# make check UML=1          ... and the KUnit suites natively in UML
# make soak [MINUTES=30] [CYCLES=1000]
#                           the soak on the debug kernel: at least MINUTES
#                           with nicmem and CYCLES cycles (make check: 90 s)
# make checkpatch|sparse    the style and static checks alone
KERNELRELEASE ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KERNELRELEASE)/build
KSRC ?= $(shell scripts/kernel-source 2>/dev/null)

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

modules_install:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules_install
	depmod -a $(KERNELRELEASE) || true

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C $(KDIR) M=$(CURDIR)/tests/modules clean
	$(MAKE) -C $(KDIR) M=$(CURDIR)/tests/offsets clean
	$(MAKE) -C $(KDIR) M=$(CURDIR)/tests/rings clean
	$(MAKE) -C $(KDIR) M=$(CURDIR)/tests/vmcore clean

sparse:
	$(MAKE) -C $(KDIR) M=$(CURDIR) C=2 W=1 modules

checkpatch:
	perl $(KSRC)/scripts/checkpatch.pl --no-tree -f $$(git ls-files '*.c' '*.h')

demo:
	scripts/demo --arch $(or $(ARCH),x86_64)

check:
	$(if $(filter-out 1,$(UML)),$(error make check: UML=1 also runs the KUnit suites in UML; UML=$(UML) is not 1))scripts/check$(if $(UML), --uml)

soak:
	scripts/soak --minutes $(or $(MINUTES),30) --cycles $(or $(CYCLES),1000)

.PHONY: all modules modules_install clean sparse checkpatch demo check soak
