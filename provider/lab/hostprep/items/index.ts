/** Every prep item, in the order they are applied (repos before the packages that come from them). */
import { firewalld } from "./firewalld";
import { hostname } from "./hostname";
import { Item } from "./item";
import { locale } from "./locale";
import { networkScripts } from "./networkScripts";
import { packages } from "./packages";
import { repos } from "./repos";
import { rootSsh } from "./rootSsh";
import { selinux } from "./selinux";
import { staticIp } from "./staticIp";

export const ITEMS: ReadonlyArray<Item> = [staticIp, hostname, locale, firewalld, selinux, repos, networkScripts, packages, rootSsh];
export type { ApplyContext, Item, ItemView } from "./item";
