"""Create (or bring up to date) the Keystone accounts and catalog of the test cloud.

Idempotent, one python process (about 3 s; the `openstack` CLI would take ~2 s per call).
Input from the environment:
  AUTH_URL    Keystone's v3 URL
  ADMIN_PW    admin's password (admin already exists: `keystone-manage bootstrap` made it)
  SVC_PW      password of the service users
  USERS       service users to create in project `service` with roles admin + service
  SERVICES    catalog entries "type|name|url" separated by spaces (one URL for every interface)
  REGION      region id
  DEMO_PW     password of the non-admin user `demo` (role member on project `demo`)
"""
import os

from keystoneauth1 import session
from keystoneauth1.identity import v3
from keystoneclient.v3 import client

env = os.environ
ks = client.Client(session=session.Session(auth=v3.Password(
    auth_url=env["AUTH_URL"], username="admin", password=env["ADMIN_PW"],
    project_name="admin", user_domain_id="default", project_domain_id="default")))
region = env["REGION"]


def first(items):
    return items[0] if items else None


def project(name, description):
    return first(ks.projects.list(name=name, domain="default")) or \
        ks.projects.create(name, "default", description=description)


def user(name, password):
    found = first(ks.users.list(name=name, domain="default"))
    if found:
        ks.users.update(found, password=password)
        return found
    return ks.users.create(name, domain="default", password=password)


roles = {name: first(ks.roles.list(name=name)) or ks.roles.create(name)
         for name in ("admin", "member", "reader", "service")}

service_project = project("service", "Service Project")
for name in env["USERS"].split():
    account = user(name, env["SVC_PW"])
    for role in ("admin", "service"):
        ks.roles.grant(roles[role], user=account, project=service_project)

for spec in env["SERVICES"].split():
    stype, name, url = spec.split("|")
    svc = first(ks.services.list(type=stype, name=name)) or ks.services.create(name, type=stype)
    for interface in ("public", "internal", "admin"):
        endpoint = first(ks.endpoints.list(service=svc, interface=interface, region=region))
        if endpoint is None:
            ks.endpoints.create(svc, url, interface=interface, region=region)
        elif endpoint.url != url:
            ks.endpoints.update(endpoint, url=url)

# a non-admin user in its own project, as Packstack's demo provisioning makes
demo_project = project("demo", "Non-admin test project")
demo = user("demo", env["DEMO_PW"])
ks.roles.grant(roles["member"], user=demo, project=demo_project)

# re-set admin's password last so it is re-hashed with the configured bcrypt rounds
admin = first(ks.users.list(name="admin", domain="default"))
if admin:
    ks.users.update(admin, password=env["ADMIN_PW"])
print("keystone accounts and catalog ok")
