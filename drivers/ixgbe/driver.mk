# SPDX-License-Identifier: GPL-2.0
# ixgbe's private headers, under a kernel tree (KSRC): its compiled layout,
# offsets probe and ring look-alike include them.
nicmem_hdrs_ixgbe := drivers/net/ethernet/intel/ixgbe
