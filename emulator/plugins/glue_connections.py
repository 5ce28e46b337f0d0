"""AWS Glue connection operations moto 5.2.5 lacks, and GetConnection's answer as AWS gives it.

Each behaviour follows the AWS Glue API reference (https://docs.aws.amazon.com/glue/latest/webapi/):

- UpdateConnection (API_UpdateConnection): replaces the whole definition with ConnectionInput (a
  property, match criterion or requirement left out is gone afterwards), may rename the connection
  (ConnectionInput.Name), keeps CreationTime and sets LastUpdatedTime. Answers {} with HTTP 200.
  Unknown name: EntityNotFoundException. A rename onto a name in use: AlreadyExistsException (the
  reference lists no code for it; this is the code CreateConnection uses for the same clash).
- DeleteConnection (API_DeleteConnection): {} with HTTP 200; unknown name: EntityNotFoundException.
- BatchDeleteConnection (API_BatchDeleteConnection): never fails for a missing name; answers
  {"Succeeded": [names], "Errors": {name: {"ErrorCode", "ErrorMessage"}}}. More than 25 names
  (DeleteConnectionNameList, length 0-25): ValidationException.
- TestConnection (API_TestConnection): exactly one of ConnectionName and TestConnectionInput, else
  InvalidInputException. A saved connection that does not exist: EntityNotFoundException.
  TestConnectionInput is only for JDBC and SALESFORCE (TestConnectionInput.ConnectionType), and a
  JDBC definition needs HOST+PORT+JDBC_ENGINE or JDBC_CONNECTION_URL, and USERNAME+PASSWORD or
  SECRET_ID (TestConnectionInput.ConnectionProperties); otherwise InvalidInputException.
  The emulator connects to nothing, so its outcome is a documented convention: a definition whose
  properties name a host under the reserved top-level domain `.invalid` (RFC 6761: it never
  resolves) fails with InvalidInputException naming that host; every other well-formed definition
  succeeds with {} and HTTP 200.
- Every request member the reference marks required, and NameString's length (1-255), is checked
  first: ValidationException ("1 validation error detected: ..."), as AWS's request validation does.
- GetConnection / GetConnections (API_GetConnection, Connection structure): the answer also carries
  ConnectionType, MatchCriteria and AuthenticationConfiguration (AuthenticationType, SecretArn,
  KmsKeyArn, OAuth2Properties without client secrets or tokens), which moto 5.2.5 leaves out.
  HidePassword ("retrieve the connection metadata without returning the password") leaves out
  PASSWORD (moto) and, for a type DescribeConnectionType describes, every property its description
  marks SECRET, as AWS keeps a described type's secrets out of the connection metadata.

All errors are AWS JSON errors ({"__type", "message"}) with HTTP 400, as the reference's "client"
errors are.
"""

import re
from typing import Any

from moto.core.responses import ActionResult, EmptyResult
from moto.core.utils import utcnow
from moto.glue.exceptions import AlreadyExistsException, EntityNotFoundException, GlueClientError
from moto.glue.models import FakeConnection, GlueBackend
from moto.glue.responses import GlueResponse

from .glue_connection_types import secret_property_names

BATCH_DELETE_LIMIT = 25
TESTABLE_DEFINITION_TYPES = ("JDBC", "SALESFORCE")
# A host name under RFC 6761's reserved `.invalid` TLD, wherever it appears in a property value
# (HOST, a JDBC URL, Kafka bootstrap servers, a MongoDB or Salesforce URL ...).
UNREACHABLE_HOST = re.compile(r"(?<![A-Za-z0-9.-])((?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+\.invalid)(?![A-Za-z0-9-])", re.IGNORECASE)
OAUTH2_PUBLIC_KEYS = ("OAuth2GrantType", "OAuth2ClientApplication", "TokenUrl", "TokenUrlParametersMap")


class InvalidInput(GlueClientError):
    def __init__(self, message: str):
        super().__init__("InvalidInputException", message)


class ValidationError(GlueClientError):
    def __init__(self, message: str):
        super().__init__("ValidationException", f"1 validation error detected: {message}")


def _require(value: Any, path: str) -> None:
    if value is None:
        raise ValidationError(f"Value null at '{path}' failed to satisfy constraint: Member must not be null")


def _check_name(value: Any, path: str) -> None:
    _require(value, path)
    if not 1 <= len(str(value)) <= 255:
        raise ValidationError(
            f"Value '{value}' at '{path}' failed to satisfy constraint: "
            "Member must have length less than or equal to 255 and greater than or equal to 1"
        )


def _check_connection_input(connection_input: Any, path: str) -> None:
    _require(connection_input, path)
    _check_name(connection_input.get("Name"), f"{path}.name")
    _require(connection_input.get("ConnectionType"), f"{path}.connectionType")
    _require(connection_input.get("ConnectionProperties"), f"{path}.connectionProperties")


# ---- backend --------------------------------------------------------------------------------

def update_connection(self: GlueBackend, catalog_id: str, name: str, connection_input: dict[str, Any]) -> None:
    current = self.connections.get(name)
    if current is None:
        raise EntityNotFoundException(f"Connection {name} not found")
    new_name = connection_input["Name"]
    if new_name != name and new_name in self.connections:
        raise AlreadyExistsException(f"Connection {new_name}")
    tags = self.get_tags(current.arn)
    self.tagger.delete_all_tags_for_resource(current.arn)
    replacement = FakeConnection(self, catalog_id or current.catalog_id, connection_input, tags)
    replacement.created_time = current.created_time
    replacement.updated_time = utcnow()
    # Rebuilt in the same position, so GetConnections keeps its order across an update.
    self.connections = type(self.connections)(
        (new_name, replacement) if key == name else (key, value) for key, value in self.connections.items()
    )


def delete_connection(self: GlueBackend, name: str) -> None:
    connection = self.connections.pop(name, None)
    if connection is None:
        raise EntityNotFoundException(f"Connection {name} not found")
    self.tagger.delete_all_tags_for_resource(connection.arn)


def batch_delete_connection(self: GlueBackend, names: list[str]) -> tuple[list[str], dict[str, dict[str, str]]]:
    succeeded: list[str] = []
    errors: dict[str, dict[str, str]] = {}
    for name in names:
        try:
            self.delete_connection(name)
            succeeded.append(name)
        except EntityNotFoundException as error:
            errors[name] = {"ErrorCode": error.error_type, "ErrorMessage": error.message}
    return succeeded, errors


def _unreachable_host(properties: dict[str, Any]) -> str | None:
    for value in (properties or {}).values():
        match = UNREACHABLE_HOST.search(str(value))
        if match:
            return match.group(1)
    return None


def _check_testable_definition(definition: dict[str, Any]) -> None:
    connection_type = definition["ConnectionType"]
    if connection_type not in TESTABLE_DEFINITION_TYPES:
        raise InvalidInput(
            f"TestConnectionInput is only available for the {' or '.join(TESTABLE_DEFINITION_TYPES)} connection types, not {connection_type}."
        )
    properties = definition.get("ConnectionProperties") or {}
    if connection_type == "JDBC":
        if not ({"HOST", "PORT", "JDBC_ENGINE"} <= properties.keys() or "JDBC_CONNECTION_URL" in properties):
            raise InvalidInput("A JDBC connection needs all of HOST, PORT and JDBC_ENGINE, or JDBC_CONNECTION_URL.")
        if not ({"USERNAME", "PASSWORD"} <= properties.keys() or "SECRET_ID" in properties):
            raise InvalidInput("A JDBC connection needs both USERNAME and PASSWORD, or SECRET_ID.")
    elif not definition.get("AuthenticationConfiguration"):
        raise InvalidInput("A SALESFORCE connection needs AuthenticationConfiguration.")


def test_connection(self: GlueBackend, name: str | None, definition: dict[str, Any] | None) -> None:
    if (name is None) == (definition is None):
        raise InvalidInput("Provide either ConnectionName or TestConnectionInput, not both and not neither.")
    if name is not None:
        properties = self.get_connection(catalog_id="", name=name, apply_override_for_compute_environment="").connection_properties
    else:
        _check_testable_definition(definition)
        properties = definition.get("ConnectionProperties") or {}
    host = _unreachable_host(properties)
    if host:
        raise InvalidInput(f"Test connection failed: the host {host} could not be resolved (UnknownHostException).")


# ---- what GetConnection answers -------------------------------------------------------------

_moto_as_dict = FakeConnection.as_dict


def _public_authentication(configuration: dict[str, Any] | None) -> dict[str, Any] | None:
    if not configuration:
        return None
    public = {key: configuration[key] for key in ("AuthenticationType", "SecretArn", "KmsKeyArn") if key in configuration}
    oauth2 = configuration.get("OAuth2Properties")
    if oauth2:
        public["OAuth2Properties"] = {key: oauth2[key] for key in OAUTH2_PUBLIC_KEYS if key in oauth2}
    return public


def connection_as_dict(self: FakeConnection, hide_password: bool = False) -> dict[str, Any]:
    answer = _moto_as_dict(self, hide_password)
    answer.pop("Connection", None)  # not a member of AWS's Connection structure
    if hide_password:
        hidden = secret_property_names(self.backend, self.connection_input.get("ConnectionType"))
        answer["ConnectionProperties"] = {key: value for key, value in (answer.get("ConnectionProperties") or {}).items() if key not in hidden}
    answer["ConnectionType"] = self.connection_input.get("ConnectionType")
    answer["MatchCriteria"] = self.connection_input.get("MatchCriteria")
    answer["AuthenticationConfiguration"] = _public_authentication(self.connection_input.get("AuthenticationConfiguration"))
    # AWS leaves out what the definition does not have (moto answers empty property maps).
    return {key: value for key, value in answer.items() if value is not None and value != {}}


# ---- responses ------------------------------------------------------------------------------

def update_connection_response(self: GlueResponse) -> ActionResult:
    name = self._get_param("Name")
    connection_input = self._get_param("ConnectionInput")
    _check_name(name, "name")
    _check_connection_input(connection_input, "connectionInput")
    self.glue_backend.update_connection(self._get_param("CatalogId"), name, connection_input)
    return EmptyResult()


def delete_connection_response(self: GlueResponse) -> ActionResult:
    name = self._get_param("ConnectionName")
    _check_name(name, "connectionName")
    self.glue_backend.delete_connection(name)
    return EmptyResult()


def batch_delete_connection_response(self: GlueResponse) -> ActionResult:
    names = self._get_param("ConnectionNameList")
    _require(names, "connectionNameList")
    if len(names) > BATCH_DELETE_LIMIT:
        raise ValidationError(
            f"Value at 'connectionNameList' failed to satisfy constraint: Member must have length less than or equal to {BATCH_DELETE_LIMIT}"
        )
    succeeded, errors = self.glue_backend.batch_delete_connection(names)
    return ActionResult({"Succeeded": succeeded, "Errors": errors})


def test_connection_response(self: GlueResponse) -> ActionResult:
    name = self._get_param("ConnectionName")
    definition = self._get_param("TestConnectionInput")
    if definition is not None:
        _require(definition.get("ConnectionType"), "testConnectionInput.connectionType")
        _require(definition.get("ConnectionProperties"), "testConnectionInput.connectionProperties")
    self.glue_backend.test_connection(name, definition)
    return EmptyResult()


def install() -> None:
    GlueBackend.update_connection = update_connection
    GlueBackend.delete_connection = delete_connection
    GlueBackend.batch_delete_connection = batch_delete_connection
    GlueBackend.test_connection = test_connection
    FakeConnection.as_dict = connection_as_dict
    GlueResponse.update_connection = update_connection_response
    GlueResponse.delete_connection = delete_connection_response
    GlueResponse.batch_delete_connection = batch_delete_connection_response
    GlueResponse.test_connection = test_connection_response
