using 'main.bicep'

// Example parameters for one council's deployment; copy and edit.
param name = 'pbot-council'
param appServiceSku = 'B1'
param instanceCount = 1
param usePostgres = false
param adminObjectIds = []
param organizerMailbox = ''
