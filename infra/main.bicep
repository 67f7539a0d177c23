// PartnershipBot on Azure: Azure Bot (Teams channel) + App Service (Linux, .NET 10) running as a
// user-assigned managed identity (MicrosoftAppType UserAssignedMSI: no bot password anywhere),
// Key Vault for the few secrets there are, Application Insights, and optionally PostgreSQL Flexible
// Server for multi-instance deployments (the embedded SQLite default suits one instance).
targetScope = 'resourceGroup'

@description('Short name used to derive resource names, e.g. "pbot-thurrock". Lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param name string

@description('Azure region for everything but the Bot resource (which is global).')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is enough for one board; P0v3 or above for several instances.')
param appServiceSku string = 'B1'

@description('Number of App Service instances. More than one requires usePostgres = true.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Use Azure Database for PostgreSQL Flexible Server instead of the embedded SQLite file.')
param usePostgres bool = false

@description('PostgreSQL administrator login (only when usePostgres).')
param postgresAdminLogin string = 'pbadmin'

@secure()
@description('PostgreSQL administrator password (only when usePostgres). Stored in Key Vault, never in app settings.')
param postgresAdminPassword string = ''

@description('Entra object ids allowed to set boards up (PartnershipBot:Admins).')
param adminObjectIds array = []

@description('Organiser mailbox for board meetings (Graph:OrganizerMailbox); empty keeps schedules in the bot\'s own store.')
param organizerMailbox string = ''

@description('Tenant ids allowed to talk to the bot (empty: this tenant only).')
param allowedTenantIds array = []

var tenantId = subscription().tenantId
var suffix = uniqueString(resourceGroup().id, name)
var webAppName = '${name}-${suffix}'
// Unsafe combinations stop the deployment with the reason instead of quietly falling back: several instances
// cannot share one SQLite file, and PostgreSQL without a password would leave the app on SQLite.
var usingPostgres = usePostgres
  ? (empty(postgresAdminPassword) ? fail('usePostgres = true needs postgresAdminPassword.') : true)
  : (instanceCount > 1 ? fail('instanceCount > 1 needs usePostgres = true: instances cannot share one SQLite file.') : false)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${name}-kv-${suffix}', 24)
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

// Key Vault Secrets User for the app's identity, so Key Vault references resolve.
resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, 'secrets-user')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

module database 'postgres.bicep' = if (usingPostgres) {
  name: 'database'
  params: {
    name: name
    location: location
    suffix: suffix
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    vaultName: vault.name
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

var baseSettings = [
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppId', value: identity.properties.clientId }
  { name: 'MicrosoftAppTenantId', value: tenantId }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'Storage__Provider', value: usingPostgres ? 'Postgres' : 'Sqlite' }
  // /home is the App Service persistent share: the SQLite file survives restarts and redeploys.
  { name: 'Storage__DataDirectory', value: '/home/data' }
  { name: 'Graph__OrganizerMailbox', value: organizerMailbox }
  // The declarations register's key: a secret created once, by hand, never by a template (a redeploy must not change it).
  { name: 'Declarations__RegisterKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=register-key)' }
]
var adminSettings = [for (id, i) in adminObjectIds: { name: 'PartnershipBot__Admins__${i}', value: id }]
var tenantSettings = [for (id, i) in (empty(allowedTenantIds) ? [tenantId] : allowedTenantIds): { name: 'BotFramework__AllowedTenants__${i}', value: id }]
var postgresSettings = usingPostgres ? [
  { name: 'ConnectionStrings__PartnershipBot', value: '@Microsoft.KeyVault(SecretUri=${database!.outputs.connectionStringSecretUri})' }
] : []

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // The bot keeps no per-instance session state: any instance may take any request.
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: appServiceSku != 'F1'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Readiness: database reachable and migrated, reminder dispatcher alive (/healthz stays liveness).
      healthCheckPath: '/healthz/ready'
      appSettings: concat(baseSettings, adminSettings, tenantSettings, postgresSettings)
    }
  }
  dependsOn: [vaultSecretsUser]
}

// Deployments use Entra credentials (az webapp deploy, the toolkit's zipDeploy); FTP and SCM basic auth stay off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'PartnershipBot'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identity.id
    developerAppInsightsApplicationId: insights.properties.AppId
    disableLocalAuth: true
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('The Microsoft App ID (managed identity client id): BOT_ID for the Teams package.')
output BOT_ID string = identity.properties.clientId

@description('The bot\'s host name: BOT_DOMAIN for the Teams package.')
output BOT_DOMAIN string = site.properties.defaultHostName

@description('Object id of the managed identity, to grant the Graph Calendars.ReadWrite application permission.')
output IDENTITY_PRINCIPAL_ID string = identity.properties.principalId

output WEB_APP_NAME string = site.name
