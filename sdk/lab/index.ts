// Resource classes of the lab namespace are exported here.
export {};
