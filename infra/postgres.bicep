// Azure Database for PostgreSQL Flexible Server for PartnershipBot, reachable only from the VNet (private access,
// no public endpoint, no firewall rules) and with Entra authentication only: there is no password to leak. The
// Entra administrator is a group of DBAs, never the app; the bot signs in as its own managed identity, mapped to a
// role that owns nothing (README, "Deploying to a tenant").
param name string
param location string
param suffix string
param tenantId string
param vnetId string
param subnetId string
param entraAdminObjectId string
param entraAdminName string
@allowed(['Group', 'User', 'ServicePrincipal'])
param entraAdminType string

var serverName = '${name}-pg-${suffix}'

// Private access needs a private DNS zone named after the server, linked to the VNet the app resolves through.
resource dns 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${serverName}.private.postgres.database.azure.com'
  location: 'global'
}

resource dnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: dns
  name: 'vnet'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnetId }
  }
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenantId
    }
    network: {
      delegatedSubnetResourceId: subnetId
      privateDnsZoneArmResourceId: dns.id
      publicNetworkAccess: 'Disabled'
    }
    storage: { storageSizeGB: 32 }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
  }
  dependsOn: [dnsLink]
}

resource admin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: server
  name: entraAdminObjectId
  properties: {
    principalType: entraAdminType
    principalName: entraAdminName
    tenantId: tenantId
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: 'partnershipbot'
  dependsOn: [admin]
}

output host string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
