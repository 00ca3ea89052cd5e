# SPDX-License-Identifier: GPL-2.0
"""scripts/nicmem-vmcore's parts, by what they read or write:

defs     the module's definitions: compiled from its headers
         (scripts/vmcore-defs.c), the adaptors from drivers/
dump     the dump (ELF, makedumpfile's compressed format), vmcoreinfo,
         debuginfo and build ids, the loaded modules
census   the census (census.c)
pools    page_pools (pool.c)
ifaces   interfaces (walk.c) and the adaptors' ring walks (drivers/)
report   the summary and metrics, as text.c and prom.c print them
cli      the command line
common   what they share (D, the definitions once made; die, say)
"""
