// Resource classes of the openstack namespace are exported here.
export {};
