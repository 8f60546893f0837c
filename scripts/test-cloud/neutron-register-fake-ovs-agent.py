"""Register (or refresh) an 'Open vSwitch agent' record for HOST, the way the agent's own
report_state RPC does (AgentDbMixin.create_or_update_agent).

There is no data plane in the test cloud. ML2/openvswitch only binds a port on a host whose
OVS agent is alive, so nova (fake driver) needs this record, plus neutron-server's huge
agent_down_time, to get ports bound (`binding:vif_type ovs`).

usage: neutron-register-fake-ovs-agent.py HOST PHYSNETS --config-file ... [--config-dir ...]
       PHYSNETS is a comma-separated list, each mapped to a bridge br-<physnet>
"""
import sys

from neutron.common import config as common_config
from neutron.db import agents_db
from neutron_lib import context as n_context

host, physnets = sys.argv[1], sys.argv[2].split(",")
common_config.register_common_config_options()
common_config.init(sys.argv[3:])
state = {
    'binary': 'neutron-openvswitch-agent', 'host': host, 'topic': 'N/A',
    'agent_type': 'Open vSwitch agent', 'start_flag': True,
    'configurations': {
        'bridge_mappings': {net: 'br-' + net for net in physnets},
        'tunnel_types': ['vxlan'], 'tunneling_ip': '127.0.0.1', 'l2_population': False,
        'integration_bridge': 'br-int', 'datapath_type': 'system',
        'ovs_hybrid_plug': False, 'devices': 0,
    },
}
status, _agent = agents_db.AgentDbMixin().create_or_update_agent(n_context.get_admin_context(), state)
print("fake OVS agent on %s: %s" % (host, status))
