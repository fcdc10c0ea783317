namespace Declarative;

/// <summary>A clustering prediction.</summary>
/// <param name="ClusterId">The nearest cluster, from 0: an index into <paramref name="Distances"/> and the model's centroids.</param>
/// <param name="Distances">The squared distance to each cluster's centroid, in the standardized feature space the clusters were found in.</param>
public readonly record struct ClusteringPrediction(int ClusterId, float[] Distances);
