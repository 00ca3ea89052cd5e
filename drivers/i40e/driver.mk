# SPDX-License-Identifier: GPL-2.0
# i40e's private headers, under a kernel tree (KSRC): its compiled layout,
# offsets probe and ring look-alike include them.
nicmem_hdrs_i40e := drivers/net/ethernet/intel/i40e
