"""Glue connection types for moto: ListConnectionTypes, DescribeConnectionType,
RegisterConnectionType and DeleteConnectionType (moto 5.2.5 has none of them).

The built-in catalogue is a realistic subset of what AWS describes: several types with required,
SECRET, SECRET_OR_USER_INPUT, READ_ONLY and UNUSED properties, allowed values, authentication types,
compute environments and physical connection requirements, in AWS's response shapes. Custom REST
types registered through RegisterConnectionType are kept per account and region (moto's reset
forgets them, as it forgets every other resource) and are listed and described like the built-ins.

Errors follow the AWS API reference of each operation: an unknown type is a ValidationException on
Describe and an EntityNotFoundException on Delete; Register checks the "REST-" prefix, the
integration type, the required structures and lengths (ValidationException), refuses a name
already taken (ValidationException: AlreadyExistsException is not among the operation's errors),
and a built-in type cannot be deleted (InvalidInputException).
"""

import base64
import copy
import json
from typing import Any

from moto.glue.exceptions import GlueClientError
from moto.glue.models import GlueBackend
from moto.glue.responses import GlueResponse

from moto.core.responses import ActionResult, EmptyResult


class ValidationException(GlueClientError):
    def __init__(self, message: str):
        super().__init__("ValidationException", message)


class InvalidInputException(GlueClientError):
    def __init__(self, message: str):
        super().__init__("InvalidInputException", message)


class EntityNotFoundException(GlueClientError):
    def __init__(self, message: str):
        super().__init__("EntityNotFoundException", message)


class ResourceNumberLimitExceededException(GlueClientError):
    def __init__(self, message: str):
        super().__init__("ResourceNumberLimitExceededException", message)


# A quota in the spirit of AWS's: enough for tests, small enough to reach.
MAX_CUSTOM_TYPES = 25


def prop(name: str, description: str, required: bool = False, default: str | None = None,
         types: tuple[str, ...] = ("USER_INPUT",), allowed: list[str] | None = None,
         location: str | None = None, key_override: str | None = None) -> dict[str, Any]:
    """One Property in AWS's shape."""
    result: dict[str, Any] = {
        "Name": name,
        "Description": description,
        "Required": required,
        "PropertyTypes": list(types),
    }
    if default is not None:
        result["DefaultValue"] = default
    if allowed:
        result["AllowedValues"] = [{"Value": value, "Description": value} for value in allowed]
    if location:
        result["PropertyLocation"] = location
    if key_override:
        result["KeyOverride"] = key_override
    return result


def props(*items: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["Name"]: item for item in items}


def network(required: bool) -> dict[str, dict[str, Any]]:
    return props(
        prop("SubnetId", "The subnet Glue connects from.", required),
        prop("SecurityGroupIdList", "Security groups of the elastic network interface.", required),
        prop("AvailabilityZone", "The Availability Zone of the subnet.", required),
    )


def auth(types: list[str], secret_required: bool = False) -> dict[str, Any]:
    config: dict[str, Any] = {
        "AuthenticationType": prop("AuthenticationType", "How Glue authenticates to the data source.",
                                   True, types[0], allowed=types),
        "SecretArn": prop("SecretArn", "A Secrets Manager secret holding the credentials.",
                          secret_required, types=("SECRET",)),
    }
    if "BASIC" in types:
        config["BasicAuthenticationProperties"] = props(
            prop("USERNAME", "The user name.", types=("SECRET_OR_USER_INPUT",)),
            prop("PASSWORD", "The password.", types=("SECRET",)),
        )
    if "OAUTH2" in types:
        config["OAuth2Properties"] = props(
            prop("OAUTH2_GRANT_TYPE", "The OAuth2 grant type.", True, "AUTHORIZATION_CODE",
                 allowed=["AUTHORIZATION_CODE", "CLIENT_CREDENTIALS"]),
            prop("TOKEN_URL", "The token endpoint.", True),
            prop("USER_MANAGED_CLIENT_APPLICATION_CLIENT_ID", "The client ID of your own app.", False),
        )
    return config


def compute(environments: list[str], auth_types: list[str], physical_required: bool,
            overrides: dict[str, str] | None = None) -> dict[str, dict[str, Any]]:
    return {
        env: {
            "Name": env,
            "Description": f"The {env.title()} compute environment",
            "ComputeEnvironment": env,
            "SupportedAuthenticationTypes": auth_types,
            "ConnectionOptions": {},
            "ConnectionPropertyNameOverrides": (overrides or {}) if env == "SPARK" else {},
            "ConnectionOptionNameOverrides": {},
            "ConnectionPropertiesRequiredOverrides": [],
            "PhysicalConnectionPropertiesRequired": physical_required,
        }
        for env in environments
    }


def described(type_: str, display: str, vendor: str, description: str, categories: list[str],
              auth_types: list[str], environments: list[str], operations: list[str],
              properties: dict[str, dict[str, Any]], physical_required: bool,
              secret_required: bool = False, spark: dict[str, dict[str, Any]] | None = None,
              overrides: dict[str, str] | None = None) -> dict[str, Any]:
    """A built-in type: its ListConnectionTypes brief and its DescribeConnectionType answer."""
    capabilities = {
        "SupportedAuthenticationTypes": auth_types,
        "SupportedDataOperations": operations,
        "SupportedComputeEnvironments": environments,
    }
    return {
        "brief": {
            "ConnectionType": type_,
            "DisplayName": display,
            "Vendor": vendor,
            "Description": description,
            "Categories": categories,
            "Capabilities": capabilities,
        },
        "describe": {
            "ConnectionType": type_,
            "Description": description,
            "Capabilities": capabilities,
            "ConnectionProperties": properties,
            "ConnectionOptions": {},
            "AuthenticationConfiguration": auth(auth_types, secret_required) if auth_types else None,
            "ComputeEnvironmentConfigurations": compute(environments, auth_types, physical_required, overrides),
            "PhysicalConnectionRequirements": network(physical_required),
            "SparkConnectionProperties": spark or {},
            "AthenaConnectionProperties": {},
            "PythonConnectionProperties": {},
        },
    }


ALL_ENVIRONMENTS = ["SPARK", "ATHENA", "PYTHON"]
READ_WRITE = ["READ", "WRITE"]

BUILT_IN = [
    described(
        "SNOWFLAKE", "Snowflake", "Snowflake", "Snowflake data warehouse, through its JDBC driver.",
        ["Database", "Data warehouse"], ["BASIC", "CUSTOM"], ALL_ENVIRONMENTS, READ_WRITE,
        props(
            prop("HOST", "The account URL, e.g. xy12345.eu-west-1.snowflakecomputing.com.", False),
            prop("PORT", "The port of the account URL.", False, "443"),
            prop("DATABASE", "The database to use by default.", False),
            prop("WAREHOUSE", "The virtual warehouse that runs the queries.", False),
            prop("SCHEMA", "The schema to use by default.", False, "PUBLIC"),
            prop("ROLE", "The Snowflake role of the session.", False),
            prop("AUTHENTICATOR", "How Snowflake authenticates the user.", False, "SNOWFLAKE",
                 allowed=["SNOWFLAKE", "SNOWFLAKE_JWT", "OAUTH"]),
            prop("PRIVATE_KEY", "A key-pair private key (for SNOWFLAKE_JWT), PEM without header lines.",
                 types=("SECRET",)),
            prop("JDBC_DRIVER_CLASS_NAME", "The driver class Glue uses.", False,
                 "net.snowflake.client.jdbc.SnowflakeDriver", types=("READ_ONLY",)),
            prop("JDBC_CONNECTION_URL", "Not used by this type: Glue builds the URL from HOST.",
                 types=("UNUSED",)),
        ),
        # Nothing required: AWS accepts a SNOWFLAKE connection whose only property is a SparkProperties
        # JSON (Terraform's acceptance configuration, replayed in test/integration/glue/terraform.test.js).
        physical_required=False, secret_required=False,
        spark=props(prop("sfWarehouse", "Overrides WAREHOUSE in Spark jobs.")),
        overrides={"HOST": "sfUrl", "WAREHOUSE": "sfWarehouse"},
    ),
    described(
        "BIGQUERY", "Google BigQuery", "Google", "Google BigQuery, with a service account key kept in Secrets Manager.",
        ["Data warehouse"], ["CUSTOM"], ["SPARK", "ATHENA"], READ_WRITE,
        props(
            prop("PROJECT_ID", "The Google Cloud project billed for the queries.", True),
            prop("DATASET", "The dataset to read from and write to by default.", False),
            prop("VIEWS_ENABLED", "Whether views can be read.", False, "false", allowed=["true", "false"]),
            prop("MATERIALIZATION_DATASET", "Where BigQuery materialises views that are read.", False),
        ),
        physical_required=False, secret_required=True,
    ),
    described(
        "SERVICENOW", "ServiceNow", "ServiceNow", "ServiceNow tables through the REST API.",
        ["SaaS", "IT service management"], ["OAUTH2", "BASIC"], ["SPARK"], ["READ"],
        props(
            prop("INSTANCE_URL", "The instance URL, e.g. https://example.service-now.com.", True),
            prop("API_VERSION", "The REST API version.", True, "v2", allowed=["v1", "v2"]),
            prop("ROLE_ARN", "The IAM role Glue assumes to read the secret.", False),
            prop("CONNECTOR_URL", "The connector endpoint, set by AWS.", False, types=("READ_ONLY",)),
        ),
        physical_required=False,
    ),
    described(
        "JDBC", "JDBC", "AWS", "A database through JDBC.", ["Database"], ["BASIC"], ALL_ENVIRONMENTS, READ_WRITE,
        props(
            prop("JDBC_CONNECTION_URL", "The JDBC URL, e.g. jdbc:postgresql://host:5432/db.", True),
            prop("USERNAME", "The database user.", False, types=("SECRET_OR_USER_INPUT",)),
            prop("PASSWORD", "The database password.", False, types=("SECRET",)),
            prop("SECRET_ID", "A Secrets Manager secret with username and password.", False),
            prop("JDBC_ENFORCE_SSL", "Whether SSL is required.", False, "false", allowed=["true", "false"]),
        ),
        physical_required=True,
    ),
    described(
        "DOCUMENTDB", "Amazon DocumentDB", "AWS", "An Amazon DocumentDB cluster inside a VPC.",
        ["Database"], ["BASIC"], ["SPARK"], READ_WRITE,
        props(
            prop("CONNECTION_URL", "The cluster URL, e.g. mongodb://cluster.docdb.amazonaws.com:27017/db.", True),
            prop("SSL_MODE", "How TLS is used.", False, "REQUIRED", allowed=["DISABLED", "REQUIRED"]),
        ),
        physical_required=True, secret_required=True,
    ),
    described(
        "AZURESQL", "Azure SQL", "Microsoft", "Azure SQL Database.", ["Database"], ["BASIC"],
        ["SPARK", "ATHENA"], READ_WRITE,
        props(
            prop("HOST", "The server, e.g. myserver.database.windows.net.", True),
            prop("PORT", "The port.", False, "1433"),
            prop("DATABASE", "The database.", True),
        ),
        physical_required=False, secret_required=True,
    ),
    described(
        "ZENDESK", "Zendesk", "Zendesk", "Zendesk Support tickets, users and organisations.",
        ["SaaS"], ["OAUTH2"], ["SPARK"], ["READ"],
        props(prop("INSTANCE_URL", "The account URL, e.g. https://example.zendesk.com.", True)),
        physical_required=False,
    ),
    described(
        "NETWORK", "Network", "AWS", "A network path into an Amazon VPC.", ["Network"], [], ["SPARK"], [],
        {}, physical_required=True,
    ),
]
# Types the first-class forms cover that we list without a full property description.
for type_, display, description in [
    ("KAFKA", "Apache Kafka", "An Apache Kafka or Amazon MSK cluster."),
    ("MONGODB", "MongoDB", "A MongoDB database."),
    ("MARKETPLACE", "AWS Marketplace", "A connector bought on AWS Marketplace."),
    ("CUSTOM", "Custom", "A custom connector from AWS Glue Studio."),
    ("SALESFORCE", "Salesforce", "Salesforce, through OAuth2."),
]:
    BUILT_IN.append(described(type_, display, "AWS" if type_ != "SALESFORCE" else "Salesforce", description,
                              ["Other"], ["BASIC"] if type_ != "SALESFORCE" else ["OAUTH2"],
                              ["SPARK"], READ_WRITE, {}, physical_required=False))

BUILT_IN_BY_TYPE = {entry["brief"]["ConnectionType"]: entry for entry in BUILT_IN}


def custom_types(backend: GlueBackend) -> dict[str, dict[str, Any]]:
    """The custom types of one account and region (gone with moto's reset, like the backend)."""
    if not hasattr(backend, "custom_connection_types"):
        backend.custom_connection_types = {}  # type: ignore[attr-defined]
    return backend.custom_connection_types  # type: ignore[attr-defined]


def _connector_to_property(connector: dict[str, Any]) -> dict[str, Any]:
    return prop(
        connector["Name"], connector.get("Format", ""), bool(connector.get("Required")),
        connector.get("DefaultValue"), (connector.get("PropertyType", "USER_INPUT"),),
        connector.get("AllowedValues"), connector.get("PropertyLocation"), connector.get("KeyOverride"),
    )


def _check_length(value: Any, field: str, low: int, high: int) -> None:
    if not isinstance(value, str) or not low <= len(value) <= high:
        raise ValidationException(
            f"1 validation error detected: Value at '{field}' failed to satisfy constraint: "
            f"Member must have length between {low} and {high}"
        )


def _require(parameters: dict[str, Any], field: str) -> Any:
    value = parameters.get(field)
    if value is None:
        raise ValidationException(f"1 validation error detected: Value null at '{field}' failed to satisfy "
                                  "constraint: Member must not be null")
    return value


def _check_connector_property(connector: Any, field: str) -> None:
    if not isinstance(connector, dict):
        raise ValidationException(f"{field} must be a structure")
    _check_length(connector.get("Name"), f"{field}.name", 1, 128)
    for member in ("Required", "PropertyType"):
        _require(connector, member)


def register(backend: GlueBackend, region: str, account: str, parameters: dict[str, Any]) -> str:
    name = _require(parameters, "ConnectionType")
    _check_length(name, "connectionType", 1, 255)
    if not name.startswith("REST-"):
        raise ValidationException(f"Connection type {name} must start with REST- to be registered.")
    if _require(parameters, "IntegrationType") != "REST":
        raise ValidationException("Only the REST integration type is supported.")
    if "Description" in parameters:
        _check_length(parameters["Description"], "description", 0, 2048)
    connection_properties = _require(parameters, "ConnectionProperties")
    authentication = _require(parameters, "ConnectorAuthenticationConfiguration")
    rest = _require(parameters, "RestConfiguration")
    if not authentication.get("AuthenticationTypes"):
        raise ValidationException("ConnectorAuthenticationConfiguration.AuthenticationTypes must not be empty.")
    connectors = ([connection_properties["Url"]] if connection_properties.get("Url") else []) + list(
        connection_properties.get("AdditionalRequestParameters") or [])
    for index, connector in enumerate(connectors):
        _check_connector_property(connector, f"connectionProperties[{index}]")
    if name in BUILT_IN_BY_TYPE:
        raise InvalidInputException(f"Connection type {name} is a built-in type.")
    registry = custom_types(backend)
    if name in registry:
        raise ValidationException(f"Connection type {name} already exists.")
    if len(registry) >= MAX_CUSTOM_TYPES:
        raise ResourceNumberLimitExceededException(
            f"At most {MAX_CUSTOM_TYPES} custom connection types can be registered.")
    arn = f"arn:aws:glue:{region}:{account}:connectionType/{name}"
    auth_types = list(authentication["AuthenticationTypes"])
    capabilities = {
        "SupportedAuthenticationTypes": auth_types,
        "SupportedDataOperations": ["READ"],
        "SupportedComputeEnvironments": ["SPARK"],
    }
    description = parameters.get("Description", "")
    registry[name] = {
        "arn": arn,
        "tags": parameters.get("Tags") or {},
        "brief": {
            "ConnectionType": name,
            "DisplayName": name,
            "Vendor": "Custom",
            "Description": description,
            "Categories": ["Custom"],
            "Capabilities": capabilities,
        },
        "describe": {
            "ConnectionType": name,
            "Description": description,
            "Capabilities": capabilities,
            "ConnectionProperties": {c["Name"]: _connector_to_property(c) for c in connectors},
            "ConnectionOptions": {},
            "AuthenticationConfiguration": {
                "AuthenticationType": prop("AuthenticationType", "How Glue authenticates to the REST source.",
                                           True, auth_types[0], allowed=auth_types),
            },
            "ComputeEnvironmentConfigurations": compute(["SPARK"], auth_types, False),
            "PhysicalConnectionRequirements": network(False),
            "RestConfiguration": copy.deepcopy(rest),
        },
    }
    return arn


def secret_property_names(backend: GlueBackend, type_: str | None) -> set[str]:
    """The properties a type's description marks SECRET (built-in or registered; none for an unknown type)."""
    entry = BUILT_IN_BY_TYPE.get(type_ or "") or custom_types(backend).get(type_ or "")
    properties = (entry or {}).get("describe", {}).get("ConnectionProperties") or {}
    return {name for name, item in properties.items() if "SECRET" in (item.get("PropertyTypes") or [])}


def all_types(backend: GlueBackend) -> list[dict[str, Any]]:
    return BUILT_IN + list(custom_types(backend).values())


def _decode_token(token: str | None) -> int:
    if not token:
        return 0
    try:
        return int(json.loads(base64.b64decode(token))["offset"])
    except Exception as error:  # any malformed token: AWS answers the same way
        raise InvalidInputException("Invalid NextToken.") from error


def _encode_token(offset: int) -> str:
    return base64.b64encode(json.dumps({"offset": offset}).encode()).decode()


def list_connection_types(self: GlueResponse) -> ActionResult:
    max_results = self._get_param("MaxResults")
    if max_results is not None and not 1 <= int(max_results) <= 100:
        raise ValidationException("1 validation error detected: Value at 'maxResults' failed to satisfy "
                                  "constraint: Member must have value between 1 and 100")
    size = int(max_results or 100)
    start = _decode_token(self._get_param("NextToken"))
    entries = all_types(self.glue_backend)
    page = [copy.deepcopy(entry["brief"]) for entry in entries[start:start + size]]
    result: dict[str, Any] = {"ConnectionTypes": page}
    if start + size < len(entries):
        result["NextToken"] = _encode_token(start + size)
    return ActionResult(result)


def _find(self: GlueResponse, name: str) -> dict[str, Any] | None:
    return BUILT_IN_BY_TYPE.get(name) or custom_types(self.glue_backend).get(name)


def describe_connection_type(self: GlueResponse) -> ActionResult:
    name = _require(self.parameters, "ConnectionType")
    _check_length(name, "connectionType", 1, 255)
    entry = _find(self, name)
    if entry is None:
        raise ValidationException(f"Connection type {name} is not supported.")
    answer = {key: value for key, value in copy.deepcopy(entry["describe"]).items() if value is not None}
    return ActionResult(answer)


def register_connection_type(self: GlueResponse) -> ActionResult:
    arn = register(self.glue_backend, self.region, self.current_account, self.parameters)
    return ActionResult({"ConnectionTypeArn": arn})


def delete_connection_type(self: GlueResponse) -> ActionResult:
    name = _require(self.parameters, "ConnectionType")
    _check_length(name, "connectionType", 1, 255)
    if name in BUILT_IN_BY_TYPE:
        raise InvalidInputException(f"Connection type {name} is a built-in type and cannot be deleted.")
    registry = custom_types(self.glue_backend)
    if name not in registry:
        raise EntityNotFoundException(f"Connection type {name} not found.")
    del registry[name]
    return EmptyResult()


def install() -> None:
    GlueResponse.list_connection_types = list_connection_types  # type: ignore[attr-defined]
    GlueResponse.describe_connection_type = describe_connection_type  # type: ignore[attr-defined]
    GlueResponse.register_connection_type = register_connection_type  # type: ignore[attr-defined]
    GlueResponse.delete_connection_type = delete_connection_type  # type: ignore[attr-defined]
