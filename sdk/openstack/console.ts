import * as pulumi from "@pulumi/pulumi";
import { CloudArgs } from "./cloud";

export interface ServerConsoleUrlArgs {
  serverId: pulumi.Input<string>;
  /** "vnc" (default), "spice", "rdp" or "serial". */
  protocol?: pulumi.Input<"vnc" | "spice" | "rdp" | "serial">;
  /** "novnc" (default for vnc), "xvpvnc", "spice-html5", "rdp-html5", "serial". */
  type?: pulumi.Input<string>;
  /**
   * Put in place of the scheme, host and port of the URL Nova hands out: on the lab Nova names the guest
   * (http://10.0.2.15:6080), the PC reaches the console through the forward (the whole lab's `consoleBaseUrl`).
   */
  baseUrl?: pulumi.Input<string | undefined>;
  cloud?: pulumi.Input<CloudArgs>;
}

/**
 * A server's console URL from Nova (POST /servers/{id}/remote-consoles, microversion 2.6): open it in a browser to
 * see the server's screen. Asked at every `pulumi up` (each answer is a new console token, valid for Nova's
 * [consoleauth] token_ttl, 10 minutes by default); a preview does not ask (the value shows as unknown). The URL is
 * returned in clear so that `pulumi up` prints it: its token opens only this console, and only for those minutes.
 */
export function getServerConsoleUrl(args: ServerConsoleUrlArgs): pulumi.Output<string> {
  if (pulumi.runtime.isDryRun()) return pulumi.output(pulumi.unknown as unknown as string);
  const url = pulumi.all([args.serverId, args.protocol, args.type, args.baseUrl, args.cloud]).apply(async ([serverId, protocol, type, baseUrl, cloud]) => {
    // required at call time: the program process talks to Nova itself (no provider plugin is involved)
    const { remoteConsoleUrl } = require("../../provider/openstack/server/console") as typeof import("../../provider/openstack/server/console");
    return remoteConsoleUrl({ serverId, protocol, type, baseUrl, cloud: cloud as never });
  });
  return pulumi.unsecret(url);
}
