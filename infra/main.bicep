// Cefnogi on Azure, in one resource group: the bot's identity, its web app, its store,
// its telemetry and its Teams registration. See README.md beside this file to deploy.

targetScope = 'resourceGroup'

@description('Lower-case letters only; starts every resource name.')
@minLength(3)
@maxLength(12)
param appName string = 'cefnogi'

@description('Environment label, lower-case, e.g. dev, test, prod.')
@minLength(2)
@maxLength(8)
param environmentName string = 'dev'

@description('Region for everything but the bot registration; UK South keeps school data in the UK.')
param location string = resourceGroup().location

@description('UserAssignedMsi: the managed identity below is the bot, and no secret exists anywhere. SingleTenant: an Entra app registration with a client secret, kept in Key Vault.')
@allowed([
  'UserAssignedMsi'
  'SingleTenant'
])
param botAuthType string = 'UserAssignedMsi'

@description('SingleTenant only: the client id of the bot\'s Entra app registration.')
param botAppId string = ''

@description('SingleTenant only: a client secret of that app registration. Stored in Key Vault, never in app settings.')
@secure()
param botPassword string = ''

@description('Comma-separated Entra tenant ids Cefnogi serves (ALLOWED_TENANT_IDS); by default the tenant deployed into.')
param allowedTenantIds string = tenant().tenantId

@description('Comma-separated Entra object ids of Cefnogi administrators (ADMIN_AAD_OBJECT_IDS).')
param adminAadObjectIds string = ''

@description('App Service plan size; B1 is enough to start, P0v3 or above for production.')
param appServiceSku string = 'B1'

@description('Instances of the bot. It keeps no state of its own, so any number can run.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Bot registration: global, or westeurope to keep the Bot Service\'s processing in the EU.')
@allowed([
  'global'
  'westeurope'
])
param botServiceLocation string = 'global'

@description('F0 is free for Teams, a standard channel; S1 only matters for premium channels.')
@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

var suffix = take(uniqueString(resourceGroup().id, appName, environmentName), 6)
var baseName = '${appName}-${environmentName}-${suffix}'
var tags = {
  app: 'cefnogi'
  environment: environmentName
}
var useClientSecret = botAuthType == 'SingleTenant'
var vaultName = take('kv-${appName}-${suffix}', 24)
var databaseName = 'cefnogi'

// Mirrors bot/storage/containers.ts, which is the source of truth: with managed identity the
// bot cannot create containers itself (Cosmos refuses control-plane writes over Entra tokens),
// so every container and its partition key must be listed here. Add later ones
// (outbox, jobs, broadcasts, plc...) to both places with the key their hot path reads by.
var containers = [
  {
    id: 'users'
    partitionKey: '/pk'
  }
  {
    id: 'memberships'
    partitionKey: '/pk'
  }
  {
    id: 'roles'
    partitionKey: '/pk'
  }
  {
    id: 'audit'
    partitionKey: '/pk'
  }
  {
    id: 'conversations'
    partitionKey: '/pk'
  }
  {
    id: 'outbox'
    partitionKey: '/pk'
  }
  {
    id: 'jobs'
    partitionKey: '/pk'
  }
  {
    id: 'deliveries'
    partitionKey: '/pk'
  }
  {
    id: 'bulk-messages'
    partitionKey: '/pk'
  }
  {
    id: 'job-history'
    partitionKey: '/pk'
  }
  {
    id: 'send-budget'
    partitionKey: '/pk'
  }
  {
    id: 'team-links'
    partitionKey: '/pk'
  }
  {
    id: 'schools'
    partitionKey: '/pk'
  }
  {
    id: 'file-offers'
    partitionKey: '/pk'
  }
  {
    id: 'learning'
    partitionKey: '/pk'
  }
  {
    id: 'broadcasts'
    partitionKey: '/pk'
  }
  {
    id: 'plcs'
    partitionKey: '/pk'
  }
  {
    id: 'plc-people'
    partitionKey: '/pk'
  }
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}'
  location: location
  tags: tags
}

var botId = useClientSecret ? botAppId : identity.properties.clientId

// ---------- Telemetry ----------

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: 'log-${baseName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}'
  location: location
  kind: 'web'
  tags: tags
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// ---------- Storage: Cosmos DB for NoSQL ----------

// Serverless: no idle cost while few schools use Cefnogi. It is single-region and bursts
// to a limited RU/s per partition; when the load is steady (every school in Wales, weekly
// digests, broadcasts), move to provisioned autoscale throughput on the database.
resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-${baseName}'
  location: location
  kind: 'GlobalDocumentDB'
  tags: tags
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    // Keys are switched off: the bot reaches Cosmos with its managed identity only.
    disableLocalAuth: true
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [
  for container in containers: {
    parent: database
    name: container.id
    properties: {
      resource: {
        id: container.id
        // Nothing expires unless a document carries its own `ttl` (a file offer nobody answered).
        defaultTtl: -1
        partitionKey: {
          paths: [
            container.partitionKey
          ]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [
            {
              path: '/*'
            }
          ]
          excludedPaths: [
            {
              path: '/"_etag"/?'
            }
          ]
        }
      }
    }
  }
]

// Cosmos DB Built-in Data Contributor: read and write items, no account management.
resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, 'cosmos-data-contributor')
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

// ---------- Secrets: only when the bot uses a client secret ----------

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = if (useClientSecret) {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (useClientSecret) {
  parent: vault
  name: 'bot-password'
  properties: {
    value: botPassword
  }
}

var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (useClientSecret) {
  name: guid(resourceGroup().id, vaultName, identity.id, 'key-vault-secrets-user')
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------- The bot's web app ----------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${baseName}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

// Names read by bot/config.ts. COSMOS_KEY is deliberately absent: with no key the bot signs
// in to Cosmos with the managed identity that AZURE_CLIENT_ID names.
var appSettings = [
  {
    name: 'BOT_ID'
    value: botId
  }
  {
    name: 'BOT_TYPE'
    value: botAuthType
  }
  {
    name: 'BOT_TENANT_ID'
    value: tenant().tenantId
  }
  {
    name: 'AZURE_CLIENT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'COSMOS_ENDPOINT'
    value: cosmos.properties.documentEndpoint
  }
  {
    name: 'COSMOS_DATABASE'
    value: databaseName
  }
  {
    name: 'ALLOWED_TENANT_IDS'
    value: allowedTenantIds
  }
  {
    name: 'ADMIN_AAD_OBJECT_IDS'
    value: adminAadObjectIds
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: insights.properties.ConnectionString
  }
  {
    // Zip deploys of the source are installed and built (npm run build) on the server.
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'true'
  }
]

// A Key Vault reference: App Service resolves it with the identity, the secret never leaves the vault's control.
var secretSettings = useClientSecret
  ? [
      {
        name: 'BOT_PASSWORD'
        value: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=bot-password)'
      }
    ]
  : []

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${baseName}'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // stateless: any instance can take any turn
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/bot/index.js'
      healthCheckPath: '/healthz' // 200 only once the store answers and content has loaded
      alwaysOn: true // keep the process warm: a cold start delays the first reply
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(appSettings, secretSettings)
    }
  }
  dependsOn: [
    cosmosDataContributor
    vaultSecretsUser
    botPasswordSecret
    cosmosContainers
  ]
}

// ---------- Teams registration ----------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}'
  location: botServiceLocation
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: 'Cefnogi'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: botId
    msaAppType: useClientSecret ? 'SingleTenant' : 'UserAssignedMSI'
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: useClientSecret ? null : identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: botServiceLocation
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('BOT_ID for npm run package:app (and TEAMS_APP_ID unless you choose another GUID).')
output botId string = botId
output botEndpoint string = bot.properties.endpoint
output appServiceName string = site.name
output cosmosEndpoint string = cosmos.properties.documentEndpoint
output applicationInsightsName string = insights.name
output keyVaultName string = useClientSecret ? vaultName : ''
