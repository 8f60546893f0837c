// Resource classes of the virtualbox namespace are exported here.
export {};
