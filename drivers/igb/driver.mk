# SPDX-License-Identifier: GPL-2.0
# igb's private headers, under a kernel tree (KSRC): its compiled layout,
# offsets probe and ring look-alike include them.
nicmem_hdrs_igb := drivers/net/ethernet/intel/igb
