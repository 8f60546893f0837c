"""nova-compute for the fake driver.

The Debian `nova-compute` package depends on libvirt/qemu (nova-compute-kvm); the fake driver
only needs python3-nova, which nova-api already brings. This is what /usr/bin/nova-compute runs.
"""
import sys

from nova.cmd.compute import main

if __name__ == "__main__":
    sys.exit(main())
