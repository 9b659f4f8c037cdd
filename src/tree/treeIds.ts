/**
 * Stable tree item ids, so expansion, selection and reveal() survive a refresh. A site name is
 * unique and holds no `/` (checked when sites are read from settings).
 */
export const TreeIds = {
  site: (siteName: string): string => siteName,
  folder: (siteName: string, folderId: number): string => `${siteName}/folder/${folderId}`,
  collection: (siteName: string, collectionId: string): string => `${siteName}/collection/${collectionId}`,
  device: (siteName: string, collectionId: string, resourceId: number): string => `${siteName}/collection/${collectionId}/device/${resourceId}`,
  loadMore: (parentId: string): string => `${parentId}/loadMore`,
  message: (parentId: string, kind: string): string => `${parentId}/message/${kind}`,
};
