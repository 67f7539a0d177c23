// PartnershipBot on Azure: Azure Bot (Teams channel) + App Service (Linux, .NET 10) running as a
// user-assigned managed identity (MicrosoftAppType UserAssignedMSI: no bot password anywhere),
// Key Vault for the few secrets there are, Application Insights, and PostgreSQL Flexible Server (the default in
// Azure; the embedded SQLite file is for a one-instance trial). Data stays private: PostgreSQL and Key Vault are
// reached only through the VNet the app is integrated with, PostgreSQL takes Entra tokens only, and the SCM
// (deployment) site is closed except to the addresses in deployAllowedIpRanges.
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

@description('Use Azure Database for PostgreSQL Flexible Server (default). false keeps the embedded SQLite file on App Service\'s /home share: one instance, a trial only.')
param usePostgres bool = true

@description('Object id of the PostgreSQL Entra administrator: a group of DBAs (required with usePostgres). Never the app.')
param postgresEntraAdminObjectId string = ''

@description('Display name of that administrator (the group\'s name, or a user\'s UPN), as PostgreSQL roles name it.')
param postgresEntraAdminName string = ''

@description('What the PostgreSQL Entra administrator is.')
@allowed(['Group', 'User', 'ServicePrincipal'])
param postgresEntraAdminType string = 'Group'

@description('Public addresses (CIDR) that may reach the SCM deployment site and Key Vault, e.g. the CI runner or the admin\'s machine. Empty: neither is reachable from the internet.')
param deployAllowedIpRanges array = []

@description('Accept requests to the site only from the Azure Bot Service. Leave false if the secretariat tab is used: Teams loads it from people\'s own machines.')
param restrictToBotService bool = false

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
// cannot share one SQLite file, PostgreSQL has no password auth so it needs an Entra administrator, and the private
// network needs VNet integration, which Free and Shared plans lack.
var usingPostgres = usePostgres
  ? (empty(postgresEntraAdminObjectId) || empty(postgresEntraAdminName)
      ? fail('usePostgres = true needs postgresEntraAdminObjectId and postgresEntraAdminName (a DBA group; the app signs in as its managed identity, never as administrator).')
      : true)
  : (instanceCount > 1 ? fail('instanceCount > 1 needs usePostgres = true: instances cannot share one SQLite file.') : false)
var planSupportsVnet = contains(['F1', 'D1', 'FREE', 'SHARED'], toUpper(appServiceSku))
  ? fail('appServiceSku ${appServiceSku} has no VNet integration, which the private Key Vault and PostgreSQL need: use B1 or above.')
  : true

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${name}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
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

module network 'network.bicep' = {
  name: 'network'
  params: {
    name: name
    location: location
  }
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: take('${name}-kv-${suffix}', 24)
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
    // The app reads it through the private endpoint; from outside only the deploy addresses (to set register-key).
    publicNetworkAccess: empty(deployAllowedIpRanges) ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
      ipRules: [for range in deployAllowedIpRanges: { value: range }]
    }
  }
}

resource vaultDns 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}

resource vaultDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: vaultDns
  name: 'vnet'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: network.outputs.vnetId }
  }
}

resource vaultEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: '${name}-kv-pe'
  location: location
  properties: {
    subnet: { id: network.outputs.endpointsSubnetId }
    privateLinkServiceConnections: [
      {
        name: 'vault'
        properties: {
          privateLinkServiceId: vault.id
          groupIds: ['vault']
        }
      }
    ]
  }
}

resource vaultEndpointDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: vaultEndpoint
  name: 'vault'
  properties: {
    privateDnsZoneConfigs: [{ name: 'vault', properties: { privateDnsZoneId: vaultDns.id } }]
  }
  dependsOn: [vaultDnsLink]
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
    tenantId: tenantId
    vnetId: network.outputs.vnetId
    subnetId: network.outputs.postgresSubnetId
    entraAdminObjectId: postgresEntraAdminObjectId
    entraAdminName: postgresEntraAdminName
    entraAdminType: postgresEntraAdminType
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    // Always true (Linux); referencing the check is what makes ARM evaluate it.
    reserved: planSupportsVnet
  }
}

var baseSettings = [
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppId', value: identity.properties.clientId }
  { name: 'MicrosoftAppTenantId', value: tenantId }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'Storage__Provider', value: usingPostgres ? 'Postgres' : 'Sqlite' }
  // The trial's SQLite file on /home, App Service's persistent share: it survives restarts and redeploys, but it is
  // network storage (one instance only, which the guard above enforces; PostgreSQL for anything real).
  { name: 'Storage__DataDirectory', value: '/home/data' }
  { name: 'Graph__OrganizerMailbox', value: organizerMailbox }
  // The declarations register's key: a secret created once, by hand, never by a template (a redeploy must not change it).
  { name: 'Declarations__RegisterKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=register-key)' }
]
var adminSettings = [for (id, i) in adminObjectIds: { name: 'PartnershipBot__Admins__${i}', value: id }]
var tenantSettings = [for (id, i) in (empty(allowedTenantIds) ? [tenantId] : allowedTenantIds): { name: 'BotFramework__AllowedTenants__${i}', value: id }]
// No password anywhere: the bot signs in to PostgreSQL as its managed identity (an Entra token, fetched and
// refreshed by the app), and VerifyFull checks the server's certificate and name before the token is sent.
var postgresSettings = usingPostgres ? [
  {
    name: 'ConnectionStrings__PartnershipBot'
    value: 'Host=${database!.outputs.host};Database=${database!.outputs.databaseName};Username=${identity.name};SSL Mode=VerifyFull'
  }
  { name: 'Storage__PostgresAuth', value: 'Entra' }
  { name: 'Storage__PostgresManagedIdentityClientId', value: identity.properties.clientId }
] : []
var botServiceOnly = [
  { name: 'AzureBotService', action: 'Allow', priority: 100, tag: 'ServiceTag', ipAddress: 'AzureBotService' }
]
var deployRules = [for (range, i) in deployAllowedIpRanges: { name: 'deploy-${i}', action: 'Allow', priority: 100 + i, ipAddress: range }]

resource site 'Microsoft.Web/sites@2024-04-01' = {
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
    // Outbound through the VNet, so Key Vault references and PostgreSQL resolve to their private endpoints.
    virtualNetworkSubnetId: network.outputs.appSubnetId
    vnetRouteAllEnabled: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: appServiceSku != 'F1'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      ipSecurityRestrictionsDefaultAction: restrictToBotService ? 'Deny' : 'Allow'
      ipSecurityRestrictions: restrictToBotService ? botServiceOnly : []
      // The SCM (Kudu) site takes deployments: closed to the internet except the deploy addresses.
      scmIpSecurityRestrictionsUseMain: false
      scmIpSecurityRestrictionsDefaultAction: 'Deny'
      scmIpSecurityRestrictions: deployRules
      // Readiness: database reachable and migrated, reminder dispatcher alive (/healthz stays liveness).
      healthCheckPath: '/healthz/ready'
      appSettings: concat(baseSettings, adminSettings, tenantSettings, postgresSettings)
    }
  }
  dependsOn: [vaultSecretsUser, vaultEndpointDns]
}

// Deployments use Entra credentials (az webapp deploy, the toolkit's zipDeploy); FTP and SCM basic auth stay off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
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
