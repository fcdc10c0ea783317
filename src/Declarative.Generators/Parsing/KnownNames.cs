namespace Declarative.Generators.Parsing
{
    /// <summary>Metadata names of the runtime's attributes and types the generator reads (task attributes are in <see cref="Tasks.TaskDescriptors"/>).</summary>
    internal static class KnownNames
    {
        public const string Label = "Declarative.LabelAttribute";
        public const string GroupId = "Declarative.GroupIdAttribute";
        public const string SeriesId = "Declarative.SeriesIdAttribute";
        public const string Time = "Declarative.TimeAttribute";
        public const string PastCovariate = "Declarative.PastCovariateAttribute";
        public const string MiniLMEncoder = "Declarative.Embeddings.MiniLMEncoder";
        public const string EmbeddingsPackage = "Declarative.Embeddings";
        public const string Categorical = "Declarative.CategoricalAttribute";
        public const string Text = "Declarative.TextAttribute";
        public const string Image = "Declarative.ImageAttribute";
        public const string ResNet18Encoder = "Declarative.Vision.ResNet18Encoder";
        public const string VisionPackage = "Declarative.Vision";
        public const string Ignore = "Declarative.IgnoreAttribute";
        public const string Column = "Declarative.ColumnAttribute";
        public const string Columns = "Declarative.ColumnsAttribute";
        public const string Split = "Declarative.SplitAttribute";
        public const string Trainers = "Declarative.TrainersAttribute";
        public const string SupportedTasks = "Declarative.SupportedTasksAttribute";
        public const string Trainer = "Declarative.Trainer";
        public const string Tune = "Declarative.TuneAttribute";
        public const string SearchRange = "Declarative.SearchRangeAttribute";
        public const string Hyperparameter = "Declarative.HyperparameterAttribute";
        public const string TunerKind = "Declarative.TunerKind";
    }
}
