# SPDX-License-Identifier: GPL-2.0
#
# The Kbuild half of compat.h: features probed by compiling a small file
# (probes/<name>.c, or a driver's own drivers/<d>/probe_<name>.c named in
# its driver.mk) against the kernel being built for, WireGuard style,
# where a distribution's backports (RHEL) make LINUX_VERSION_CODE lie or
# nothing in C can tell (a bit-field, a driver's private struct). Each
# probe that compiles adds -DNICMEM_HAVE_<NAME> to ccflags-y; compat.h
# and drivers/*/compiled.c decide on those, and on nothing else here.
# Included by every Kbuild whose objects include compat.h; $(nicmem_top)
# is the directory of this file.

nicmem_top := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

# $(call nicmem_probe,NAME,file,extra flags): -DNICMEM_HAVE_NAME when
# file (under this directory) compiles (syntax and types only, no object)
# with the kernel's own flags
nicmem_probe = $(shell $(CC) $(NOSTDINC_FLAGS) $(LINUXINCLUDE) \
	$(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) -DKBUILD_MODNAME='"nicmem_probe"' \
	$(3) -fsyntax-only $(nicmem_top)/$(2) >/dev/null 2>&1 && \
	echo -DNICMEM_HAVE_$(1))

# the drivers' folders: their private headers and their own probes
include $(nicmem_top)/drivers/drivers.mk

nicmem_probed := $(call nicmem_probe,REG_STATE_U8,probes/reg_state_u8.c)
nicmem_probed += $(call nicmem_probe,FILE_OPEN_ROOT_PATH,probes/file_open_root_path.c)
ifneq ($(KSRC),)
# one rename for ixgbe, i40e and mlx5e, probed on ixgbe's ring
nicmem_probed += $(call nicmem_probe,XSK_POOL,probes/xsk_pool.c,-I$(KSRC)/$(nicmem_hdrs_ixgbe))
# a driver's own: drivers/<d>/driver.mk's nicmem_probes_<d> (NAME:file
# pairs), each compiled with -I the driver's private headers
nicmem_probed += $(foreach d,$(nicmem_drivers),$(foreach p,$(nicmem_probes_$(d)),\
	$(call nicmem_probe,$(firstword $(subst :, ,$(p))),drivers/$(d)/$(lastword $(subst :, ,$(p))),\
		-I$(KSRC)/$(nicmem_hdrs_$(d)))))
endif
ccflags-y += -DNICMEM_COMPAT_MK $(nicmem_probed)
