# SPDX-License-Identifier: GPL-2.0
# The driver folders, for each Kbuild that builds a part of them (the
# module, the offsets probe, the ring look-alikes, KUnit): include this
# file; it finds the folders beside itself.
#   nicmem_drivers     every drivers/<d>/ with an adaptor.c (the adaptor)
#   nicmem_compiled    those with compiled.c (the layout from its headers)
#   nicmem_offsets     those with offsets.c (the offsets probe's rows)
#   nicmem_fakerings   those with fakering.c (a ring look-alike)
#   nicmem_hdrs_<d>    where its private headers are in a kernel tree
#                      (drivers/<d>/driver.mk)
#   nicmem_probes_<d>  its own feature probes, NAME:file (driver.mk; run
#                      by compat.mk)
#   nicmem_drivers_dir this directory
# $(call nicmem_list,X,<drivers>) is "X(d1) X(d2) ...", the C lists of
# NICMEM_COMPILED_LIST, NICMEM_OFFSETS_LIST and NICMEM_FAKERINGS.
# Read once however many includers (Kbuild and compat.mk both need it).
ifndef nicmem_drivers_mk
nicmem_drivers_mk := 1
nicmem_drivers_dir := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
nicmem_with = $(sort $(patsubst $(nicmem_drivers_dir)/%/$(1),%,$(wildcard $(nicmem_drivers_dir)/*/$(1))))
nicmem_drivers := $(call nicmem_with,adaptor.c)
nicmem_compiled := $(call nicmem_with,compiled.c)
nicmem_offsets := $(call nicmem_with,offsets.c)
nicmem_fakerings := $(call nicmem_with,fakering.c)
nicmem_list = $(foreach d,$(2),$(1)($(d)))
# the registry (list.h) and the folders name the same drivers: a folder
# without its line would build and never be walked, a line without its
# folder would not link
nicmem_listed := $(shell sed -n 's/^NICMEM_ADAPTOR(\([a-z0-9_]*\))$$/\1/p' $(nicmem_drivers_dir)/list.h)
ifneq ($(sort $(nicmem_listed)),$(nicmem_drivers))
$(error nicmem: drivers/list.h registers "$(sort $(nicmem_listed))" but the folders with an adaptor.c are "$(nicmem_drivers)": a driver is its folder drivers/<driver>/ and one NICMEM_ADAPTOR(<driver>) line in drivers/list.h)
endif
include $(wildcard $(nicmem_drivers_dir)/*/driver.mk)
endif
