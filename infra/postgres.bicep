// Azure Database for PostgreSQL Flexible Server for PartnershipBot, with the app's connection string
// kept as a Key Vault secret (the app reads it through a Key Vault reference).
param name string
param location string
param suffix string
param adminLogin string
@secure()
param adminPassword string
param vaultName string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${name}-pg-${suffix}'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '15'
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
    storage: { storageSizeGB: 32 }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: 'partnershipbot'
}

// Lets Azure services (the App Service) reach the server; use private networking for production estates.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-connection-string'
  properties: {
    value: 'Host=${server.properties.fullyQualifiedDomainName};Database=${database.name};Username=${adminLogin};Password=${adminPassword};SSL Mode=Require'
  }
}

output connectionStringSecretUri string = connectionString.properties.secretUri
