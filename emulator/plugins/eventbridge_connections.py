"""Amazon EventBridge connection behaviour that moto 5.2.5 lacks or gets wrong.

Each behaviour follows the EventBridge API reference
(https://docs.aws.amazon.com/eventbridge/latest/APIReference/) and the user guide's pages on
connection states (eb-target-connection-states.html) and de-authorizing (eb-target-connection-deauthorize.html):

- CreateConnection (API_CreateConnection): a name in use is ResourceAlreadyExistsException
  (moto overwrote the first connection). Name: 1-64 of [.-_A-Za-z0-9], else ValidationException.
- State on create and update (moto always said AUTHORIZED): Basic and API key connections are
  AUTHORIZED at once; an OAuth connection answers AUTHORIZING (EventBridge exchanges the client
  credentials for a token after answering) and is AUTHORIZED from the next DescribeConnection on.
  A connection to a private API (InvocationConnectivityParameters) settles as ACTIVE instead of
  AUTHORIZED (the user guide's table for private APIs); DescribeConnection then reports its
  ResourceConfigurationArn with a ResourceAssociationArn, and the KmsKeyIdentifier given, both of
  which moto dropped.
  LastAuthorizedTime is set when a connection becomes AUTHORIZED, LastModifiedTime on every write.
- UpdateConnection (API_UpdateConnection): AuthParameters are merged into what the connection has
  (every member of UpdateConnectionAuthRequestParameters is optional, so a new API key value keeps
  the key name); a change of AuthorizationType drops the old type's parameters. An update that
  carries AuthParameters re-authorizes (the state rules above, also after a de-authorization); one
  without them leaves the state alone.
- DeauthorizeConnection (API_DeauthorizeConnection): answers DEAUTHORIZING with ConnectionArn,
  CreationTime, LastModifiedTime and LastAuthorizedTime; the next DescribeConnection shows
  DEAUTHORIZED. All authorization parameters and the connection's secret are removed (the
  AuthParameters and SecretArn are gone from DescribeConnection). Unknown name:
  ResourceNotFoundException; a connection still CREATING, UPDATING, AUTHORIZING or DEAUTHORIZING:
  ConcurrentModificationException.
- DescribeConnection (API_DescribeConnection): carries StateReason, LastModifiedTime and
  LastAuthorizedTime, and AuthParameters without secrets (ConnectionAuthResponseParameters has no
  password, API key value or client secret; a parameter marked IsValueSecret has no Value).
- ListConnections (API_ListConnections): NamePrefix, ConnectionState, Limit (1-100, else
  ValidationException) and NextToken (an unknown token is a ValidationException); each entry is a
  Connection structure (with StateReason and LastAuthorizedTime).

Scripted states, for tests (the emulator's own convention, not an AWS API):
POST /moto-api/emulator/eventbridge/connection-states with
  {"Name": "orders", "States": [{"State": "AUTHORIZING"}, {"State": "FAILED_CONNECTIVITY",
   "StateReason": "Timeout connecting to the endpoint"}], "Region": "us-east-1", "AccountId": "123456789012"}
(Region and AccountId are optional: us-east-1 and moto's default account). The connection need not
exist yet. From then on each DescribeConnection of that name moves the connection to the next
scripted state and answers it; after the last one the script is used up and the connection stays in
that state until a write changes it. A create, update or deauthorize answered while a script is
pending reports the script's next state (without using it up). "States": [] removes the script; moto's reset
(POST /moto-api/reset) removes every script. Answers 204, or 400 with {"message"} for a bad body.
"""

import json
import re
from collections import deque
from typing import Any

from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.exceptions import JsonRESTError
from moto.core.utils import unix_time
from moto.events.exceptions import ResourceAlreadyExistsException, ResourceNotFoundException, ValidationException
from moto.events.models import Connection, EventsBackend, events_backends
from moto.events.responses import EventsHandler

CONTROL_PATH = "/moto-api/emulator/eventbridge/connection-states"
NAME = re.compile(r"^[\.\-_A-Za-z0-9]{1,64}$")
STATES = (
    "CREATING", "UPDATING", "DELETING", "AUTHORIZED", "DEAUTHORIZED",
    "AUTHORIZING", "DEAUTHORIZING", "ACTIVE", "FAILED_CONNECTIVITY",
)
TRANSITIONAL = ("CREATING", "UPDATING", "AUTHORIZING", "DEAUTHORIZING")
LIST_LIMIT_MAX = 100
# Each authorization type's parameters, and the members AWS never returns.
TYPE_PARAMETERS = {
    "API_KEY": "ApiKeyAuthParameters",
    "BASIC": "BasicAuthParameters",
    "OAUTH_CLIENT_CREDENTIALS": "OAuthParameters",
}
SECRET_MEMBERS = {"ApiKeyValue", "Password", "ClientSecret"}


class ConcurrentModificationException(JsonRESTError):
    code = 400

    def __init__(self, message: str):
        super().__init__("ConcurrentModificationException", message)


# ---- per-connection state -------------------------------------------------------------------

def _scripts(backend: EventsBackend) -> dict[str, deque]:
    # Kept on the backend, so moto's reset (which re-runs __init__) forgets them.
    if not hasattr(backend, "_emulator_state_scripts"):
        backend._emulator_state_scripts = {}
    return backend._emulator_state_scripts


def _set_state(connection: Connection, state: str, reason: str | None = None) -> None:
    connection.state = state
    connection.state_reason = reason
    if state in ("AUTHORIZED", "ACTIVE"):
        connection.last_authorized_time = unix_time()


def _authorize(backend: EventsBackend, connection: Connection) -> None:
    """The state a create or a re-authorizing update leaves, before any DescribeConnection."""
    oauth = connection.authorization_type == "OAUTH_CLIENT_CREDENTIALS"
    # A connection to a private API (InvocationConnectivityParameters) is ACTIVE when it works.
    settled = "ACTIVE" if getattr(connection, "connectivity", None) else "AUTHORIZED"
    connection.pending_state = settled if oauth else None
    if not _answer_script_head(backend, connection):
        _set_state(connection, "AUTHORIZING" if oauth else settled)


def _answer_script_head(backend: EventsBackend, connection: Connection) -> bool:
    """A pending script's next state, shown without using it up; whether there was one."""
    script = _scripts(backend).get(connection.name)
    if script:
        state, reason = script[0]
        _set_state(connection, state, reason)
    return bool(script)


def _advance(backend: EventsBackend, connection: Connection) -> None:
    """What happens between two DescribeConnection calls: the script's next state, else the pending one."""
    script = _scripts(backend).get(connection.name)
    if script:
        state, reason = script.popleft()
        if not script:
            del _scripts(backend)[connection.name]
        _set_state(connection, state, reason)
        connection.pending_state = None
    elif getattr(connection, "pending_state", None):
        _set_state(connection, connection.pending_state)
        connection.pending_state = None


def _public_auth(auth: dict[str, Any] | None) -> dict[str, Any] | None:
    """ConnectionAuthResponseParameters: the parameters without any secret."""
    if auth is None:
        return None

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            kept = {key: strip(item) for key, item in value.items() if key not in SECRET_MEMBERS}
            if kept.get("IsValueSecret") is True:
                kept.pop("Value", None)
            return kept
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    return strip(auth)


def _merge(current: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    merged = dict(current)
    for key, value in update.items():
        # Structures merge member by member; lists (the HTTP parameter rows) are replaced whole.
        merged[key] = _merge(current[key], value) if isinstance(value, dict) and isinstance(current.get(key), dict) else value
    return merged


def _described_connectivity(connection: Connection) -> dict[str, Any] | None:
    """DescribeConnectionConnectivityParameters: the resource configuration and the association AWS made."""
    resource = (getattr(connection, "connectivity", None) or {}).get("ResourceParameters")
    if not resource:
        return None
    association = f"arn:aws:vpc-lattice:{connection.region}:{connection.arn.split(':')[4]}:servicenetworkresourceassociation/snra-{connection.uuid.hex[:17]}"
    return {"ResourceParameters": {"ResourceConfigurationArn": resource.get("ResourceConfigurationArn"), "ResourceAssociationArn": association}}


def _describe(connection: Connection) -> dict[str, Any]:
    answer = {
        "ConnectionArn": connection.arn,
        "Name": connection.name,
        "Description": connection.description,
        "ConnectionState": connection.state,
        "StateReason": getattr(connection, "state_reason", None),
        "AuthorizationType": connection.authorization_type,
        "SecretArn": connection.secret_arn,
        "AuthParameters": _public_auth(connection.auth_parameters),
        "InvocationConnectivityParameters": _described_connectivity(connection),
        "KmsKeyIdentifier": getattr(connection, "kms_key_identifier", None),
        "CreationTime": connection.creation_time,
        "LastModifiedTime": getattr(connection, "last_modified_time", connection.creation_time),
        "LastAuthorizedTime": getattr(connection, "last_authorized_time", None),
    }
    return {key: value for key, value in answer.items() if value is not None}


def _summary(connection: Connection) -> dict[str, Any]:
    """The answer of CreateConnection, UpdateConnection and DeauthorizeConnection."""
    full = _describe(connection)
    return {key: full[key] for key in ("ConnectionArn", "ConnectionState", "CreationTime", "LastModifiedTime", "LastAuthorizedTime") if key in full}


def _list_entry(connection: Connection) -> dict[str, Any]:
    full = _describe(connection)
    keys = ("ConnectionArn", "Name", "ConnectionState", "StateReason", "AuthorizationType", "CreationTime", "LastModifiedTime", "LastAuthorizedTime")
    return {key: full[key] for key in keys if key in full}


def _check_name(name: Any, member: str = "name") -> None:
    if name is None:
        raise ValidationException(f"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null")
    if not NAME.match(str(name)):
        raise ValidationException(
            f"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+ and have length between 1 and 64"
        )


def _named_connection(self: EventsHandler) -> tuple[EventsBackend, Connection]:
    """The backend and the connection the request's Name names (ValidationException, ResourceNotFoundException)."""
    name = self._get_param("Name")
    _check_name(name)
    connection = self.events_backend.connections.get(name)
    if connection is None:
        raise ResourceNotFoundException(f"Connection '{name}' does not exist.")
    return self.events_backend, connection


def _secret_removed(backend: EventsBackend, connection: Connection) -> None:
    from moto.events.models import get_secrets_manager_backend

    if connection.secret_arn:
        get_secrets_manager_backend(backend.account_id, backend.region_name).delete_secret(
            secret_id=connection.secret_arn, recovery_window_in_days=None, force_delete_without_recovery=True
        )
        connection.secret_arn = None


def _secret_written(backend: EventsBackend, connection: Connection) -> None:
    """AWS keeps a connection's auth parameters in its secret: an update writes them there too
    (a rotated API key or password becomes the secret's current version)."""
    from moto.events.models import get_secrets_manager_backend

    if not connection.secret_arn:
        _secret_restored(backend, connection)
        return
    get_secrets_manager_backend(backend.account_id, backend.region_name).put_secret_value(
        secret_id=connection.secret_arn,
        secret_string=json.dumps(connection.auth_parameters),
        secret_binary=None,
        client_request_token=None,
        version_stages=["AWSCURRENT"],
    )


def _secret_restored(backend: EventsBackend, connection: Connection) -> None:
    """A re-authorized connection gets a secret again (de-authorizing deleted it)."""
    from moto.events.models import get_secrets_manager_backend

    if connection.secret_arn:
        return
    secret = get_secrets_manager_backend(backend.account_id, backend.region_name).create_managed_secret(
        service_name="events",
        secret_id=f"events!connection/{connection.name}/{connection.uuid}/auth",
        secret_string=json.dumps(connection.auth_parameters),
        description=f"Auth parameters for Eventbridge connection {connection.name}/{connection.uuid}",
    )
    connection.secret_arn = secret.arn


# ---- responses ------------------------------------------------------------------------------

def _json(self: EventsHandler, answer: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return json.dumps(answer), self.response_headers


def create_connection(self: EventsHandler) -> tuple[str, dict[str, Any]]:
    name = self._get_param("Name")
    _check_name(name)
    backend = self.events_backend
    if name in backend.connections:
        raise ResourceAlreadyExistsException(f"Connection {name} already exists.")
    connection = backend.create_connection(
        name, self._get_param("Description"), self._get_param("AuthorizationType"), self._get_param("AuthParameters")
    )
    connection.last_modified_time = connection.creation_time
    connection.connectivity = self._get_param("InvocationConnectivityParameters")
    connection.kms_key_identifier = self._get_param("KmsKeyIdentifier")
    _authorize(backend, connection)
    return _json(self, _summary(connection))


def update_connection(self: EventsHandler) -> tuple[str, dict[str, Any]]:
    backend, connection = _named_connection(self)
    description = self._get_param("Description")
    authorization_type = self._get_param("AuthorizationType")
    auth = self._get_param("AuthParameters")
    if description is not None:
        connection.description = description
    connectivity = self._get_param("InvocationConnectivityParameters")
    if connectivity is not None:
        connection.connectivity = connectivity
    if self._get_param("KmsKeyIdentifier") is not None:
        connection.kms_key_identifier = self._get_param("KmsKeyIdentifier")
    if authorization_type and authorization_type != connection.authorization_type:
        dropped = TYPE_PARAMETERS.get(connection.authorization_type)
        connection.auth_parameters = {key: value for key, value in (connection.auth_parameters or {}).items() if key != dropped}
        connection.authorization_type = authorization_type
    if auth is not None:
        connection.auth_parameters = _merge(connection.auth_parameters or {}, auth)
    connection.last_modified_time = unix_time()
    if auth is not None:
        _secret_written(backend, connection)
        _authorize(backend, connection)
    else:
        _answer_script_head(backend, connection)
    return _json(self, _summary(connection))


def deauthorize_connection(self: EventsHandler) -> tuple[str, dict[str, Any]]:
    backend, connection = _named_connection(self)
    if connection.state in TRANSITIONAL:
        raise ConcurrentModificationException(f"Connection '{connection.name}' is {connection.state}; try again when it has settled.")
    _secret_removed(backend, connection)
    connection.auth_parameters = None
    connection.last_modified_time = unix_time()
    connection.pending_state = "DEAUTHORIZED"
    if not _answer_script_head(backend, connection):
        _set_state(connection, "DEAUTHORIZING")
    return _json(self, _summary(connection))


def describe_connection(self: EventsHandler) -> tuple[str, dict[str, Any]]:
    backend, connection = _named_connection(self)
    _advance(backend, connection)
    return _json(self, _describe(connection))


def list_connections(self: EventsHandler) -> tuple[str, dict[str, Any]]:
    prefix = self._get_param("NamePrefix")
    state = self._get_param("ConnectionState")
    limit = self._get_param("Limit")
    token = self._get_param("NextToken")
    if prefix is not None:
        _check_name(prefix, "namePrefix")
    if state is not None and state not in STATES:
        raise ValidationException(
            f"1 validation error detected: Value '{state}' at 'connectionState' failed to satisfy constraint: "
            f"Member must satisfy enum value set: [{', '.join(STATES)}]"
        )
    if limit is not None and not (isinstance(limit, int) and 1 <= limit <= LIST_LIMIT_MAX):
        raise ValidationException(
            f"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: "
            f"Member must have value less than or equal to {LIST_LIMIT_MAX} and greater than or equal to 1"
        )
    matching = [
        connection
        for connection in self.events_backend.connections.values()
        if (prefix is None or connection.name.startswith(prefix)) and (state is None or connection.state == state)
    ]
    start = 0
    if token is not None:
        names = [connection.name for connection in matching]
        if token not in names:
            raise ValidationException("The NextToken is not valid.")
        start = names.index(token)
    page = matching[start : start + limit] if limit else matching[start:]
    answer: dict[str, Any] = {"Connections": [_list_entry(connection) for connection in page]}
    following = start + len(page)
    if following < len(matching):
        # Opaque to the caller; here simply the name the next page starts with.
        answer["NextToken"] = matching[following].name
    return _json(self, answer)


# ---- the scripting endpoint -----------------------------------------------------------------

def script_states(request: Any, full_url: str, headers: Any) -> tuple[int, dict[str, str], str]:
    def bad(message: str) -> tuple[int, dict[str, str], str]:
        return 400, {"Content-Type": "application/json"}, json.dumps({"message": message})

    try:
        body = json.loads(request.get_data(as_text=True) or "{}")
    except ValueError:
        return bad("The body is not JSON.")
    name = body.get("Name")
    states = body.get("States")
    if not isinstance(name, str) or not NAME.match(name):
        return bad("Name: the connection's name (1-64 of letters, digits, . - _).")
    if not isinstance(states, list) or any(not isinstance(s, dict) or s.get("State") not in STATES for s in states):
        return bad(f"States: a list of {{\"State\", \"StateReason\"?}}, each State one of {', '.join(STATES)}.")
    backend = events_backends[body.get("AccountId") or DEFAULT_ACCOUNT_ID][body.get("Region") or "us-east-1"]
    scripts = _scripts(backend)
    if states:
        scripts[name] = deque((s["State"], s.get("StateReason")) for s in states)
    else:
        scripts.pop(name, None)
    return 204, {}, ""


def install() -> None:
    from moto.moto_api._internal import urls as moto_api_urls

    EventsHandler.create_connection = create_connection
    EventsHandler.update_connection = update_connection
    EventsHandler.deauthorize_connection = deauthorize_connection
    EventsHandler.describe_connection = describe_connection
    EventsHandler.list_connections = list_connections
    moto_api_urls.url_paths["{0}" + CONTROL_PATH] = script_states
