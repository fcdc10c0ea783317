using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Declarative.Generators
{
    /// <summary>Every diagnostic the generator reports, in one place. Ids are stable: never reuse or renumber one.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Declarative";

        public static readonly DiagnosticDescriptor NotPartial = Error(
            "DCL0001", "Pipeline class must be partial",
            "The pipeline class '{0}' and every type it is nested in must be declared 'partial', so the generator can add its members");

        public static readonly DiagnosticDescriptor MissingLabel = Error(
            "DCL0002", "Row has no label",
            "The {0} pipeline '{1}' needs one property of '{2}' marked [Label]");

        public static readonly DiagnosticDescriptor MultipleLabels = Error(
            "DCL0003", "Row has more than one label",
            "The row type '{0}' marks {1} properties with [Label] ({2}); a pipeline predicts exactly one");

        public static readonly DiagnosticDescriptor UnsupportedLabelType = Error(
            "DCL0004", "Label type does not fit the task",
            "The label '{0}' is of type '{1}', which {2} cannot predict; use {3}");

        public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
            "DCL0005", "Property type cannot be a column",
            "The property '{0}' of type '{1}' cannot be a feature; use a number, bool, string, enum, date or time, a float[] with [Columns], or mark it [Ignore]");

        public static readonly DiagnosticDescriptor TrainerDoesNotFitTask = Error(
            "DCL0006", "Trainer does not fit the task",
            "The trainer '{0}' cannot be used for {1}; it supports {2}");

        public static readonly DiagnosticDescriptor TestFractionOutOfRange = Error(
            "DCL0007", "Split fraction out of range",
            "TestFraction is {0}, but it must be strictly between 0 and 1");

        public static readonly DiagnosticDescriptor DuplicateColumn = Error(
            "DCL0008", "Two properties map to the same column",
            "The properties '{0}' and '{1}' both map to the column '{2}'; rename one with [Column(\"...\")]");

        public static readonly DiagnosticDescriptor UnsupportedPipelineClass = Error(
            "DCL0009", "Pipeline class cannot be generic, static, abstract or file-local",
            "The pipeline class '{0}' cannot be {1}: {2}");

        public static readonly DiagnosticDescriptor NoFeatures = Error(
            "DCL0010", "Row has no features",
            "The row type '{0}' has no feature: every public property is the label or marked [Ignore]");

        public static readonly DiagnosticDescriptor MultipleTasks = Error(
            "DCL0011", "Pipeline class declares more than one task",
            "The pipeline class '{0}' declares {1} task attributes ({2}); declare one per class");

        public static readonly DiagnosticDescriptor ConflictingColumnAttributes = Error(
            "DCL0012", "Column attribute does not fit the property",
            "The property '{0}' of type '{1}' cannot be marked {2}: {3}");

        public static readonly DiagnosticDescriptor InvalidSeparator = Error(
            "DCL0013", "Invalid separator",
            "The separator '{0}' cannot be used: a separator cannot be a quote, a letter, a digit or a line break");

        public static readonly DiagnosticDescriptor NoTrainers = Error(
            "DCL0014", "No trainer named",
            "[Trainers] on '{0}' names no trainer; name at least one, or remove the attribute to use the default");

        public static readonly DiagnosticDescriptor UnknownTrainer = Error(
            "DCL0015", "Unknown trainer",
            "The value {0} is not a member of Declarative.Trainer");

        public static readonly DiagnosticDescriptor InvalidColumnIndex = Error(
            "DCL0016", "Invalid column index",
            "The column index {0} of property '{1}' is invalid: {2}");

        public static readonly DiagnosticDescriptor MetricDoesNotFitTask = Error(
            "DCL0017", "Tuning metric does not fit the task",
            "The metric '{0}' cannot rate {1}; use a {2} member");

        public static readonly DiagnosticDescriptor TuneOptionOutOfRange = Error(
            "DCL0018", "Tuning option out of range",
            "{0} is {1}, but {2}");

        public static readonly DiagnosticDescriptor InvalidSearchRange = Error(
            "DCL0019", "Invalid search range",
            "[SearchRange] for {0}.{1} is invalid: {2}");

        public static readonly DiagnosticDescriptor SearchRangeHasNoEffect = new(
            "DCL0020", "Search range has no effect",
            "[SearchRange] for {0} has no effect: {1}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor PipelineNotAClass = Error(
            "DCL0021", "Pipeline must be a class",
            "The pipeline '{0}' is a {1}; declare it as a partial class");

        public static readonly DiagnosticDescriptor RowLessAccessible = Error(
            "DCL0022", "Row type is less accessible than the pipeline",
            "The row type '{0}' is {1} but the pipeline '{2}' is {3}: its generated members expose the row; make the row at least as accessible, or the pipeline less");

        public static readonly DiagnosticDescriptor MemberCollision = Error(
            "DCL0023", "Pipeline declares a member the generator writes",
            "The pipeline '{0}' declares '{1}', a member the generator writes for it; rename or remove it");

        public static readonly DiagnosticDescriptor BadRowFractionOutOfRange = Error(
            "DCL0024", "Bad-row fraction out of range",
            "MaxBadRowFraction is {0}, but it is a share of the rows: at least 0 and below 1");

        public static readonly DiagnosticDescriptor InvalidDataSource = Error(
            "DCL0025", "Invalid data source",
            "The data source is invalid: {0}");

        public static readonly DiagnosticDescriptor InvalidOrderBy = Error(
            "DCL0026", "Invalid split order",
            "[Split(OrderBy = \"{0}\")] cannot order the rows: {1}; name a date, time or number feature of the row (nameof(Row.When))");

        public static readonly DiagnosticDescriptor InvalidPositiveClass = Error(
            "DCL0027", "Invalid positive class",
            "The label '{0}' cannot be read as binary: {1}");

        public static readonly DiagnosticDescriptor InvalidColumnRun = Error(
            "DCL0028", "Invalid run of columns",
            "[Columns] on the property '{0}' cannot read a run of columns: {1}");

        public static readonly DiagnosticDescriptor InvalidOnnxExport = Error(
            "DCL0029", "Pipeline cannot be exported to ONNX",
            "DeclarativeExportOnnx is set, but {0}");

        public static readonly DiagnosticDescriptor NotServableNatively = Error(
            "DCL0030", "Feature cannot be served in a Native AOT app",
            "Pipeline {0} is in an app published with PublishAot, where ML.NET cannot run and Declarative's portable scorer predicts, but the scorer cannot featurize the [Text] property '{1}' ({2}): mark it [Categorical] or [Ignore], or publish without PublishAot");

        public static readonly DiagnosticDescriptor TaskOptionOutOfRange = Error(
            "DCL0031", "Task option out of range",
            "{0} = {1} is out of range: {2}");

        public static readonly DiagnosticDescriptor TuningNeedsLabel = Error(
            "DCL0032", "Tuning metric needs a label",
            "Pipeline {0} tunes by {1}, which compares predictions with a label, but {2} has no [Label]: declare one (for {3} it is never trained on, only measured with) or choose a metric that needs none");

        public static readonly DiagnosticDescriptor NothingToTune = Error(
            "DCL0033", "Nothing to tune",
            "Pipeline {0} fixes {1}, the only hyperparameter its trainers have: remove [Tune], or {2}");

        public static readonly DiagnosticDescriptor TaskNotServableNatively = Error(
            "DCL0034", "Task cannot be served in a Native AOT app",
            "Pipeline {0} is in an app published with PublishAot, where ML.NET cannot run: Declarative serves {2} there (through its portable scorer or its own plain model), not {1}; publish without PublishAot");

        public static readonly DiagnosticDescriptor InvalidGroupId = Error(
            "DCL0035", "Invalid group id",
            "Pipeline {0}: {1}");

        public static readonly DiagnosticDescriptor InvalidSvmLightRow = Error(
            "DCL0036", "Row does not fit an SVMlight file",
            "Pipeline {0} reads an SVMlight file, whose lines hold a label, a qid: and numbered features, but {1}");

        public static readonly DiagnosticDescriptor TextEncoderUnavailable = Error(
            "DCL0037", "Text encoder unavailable",
            "Pipeline {0}: the [Text] property '{1}' cannot use its encoder: {2}");

        public static readonly DiagnosticDescriptor InvalidImage = Error(
            "DCL0043", "Invalid image feature",
            "Pipeline {0}: the [Image] property '{1}' {2}");

        public static readonly DiagnosticDescriptor NotSynthesizable = Error(
            "DCL0038", "Row cannot be synthesized",
            "Pipeline {0} is a synthesizer, but {1}");

        public static readonly DiagnosticDescriptor BadRowFractionWithoutSkip = new(
            "DCL0039", "MaxBadRowFraction has no effect",
            "MaxBadRowFraction = {0} has no effect without SkipBadRows = true: the first bad row stops training; set SkipBadRows = true to skip up to that share, or remove MaxBadRowFraction",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor InvalidSeriesColumn = Error(
            "DCL0040", "Invalid series column",
            "Pipeline {0}: {1}");

        public static readonly DiagnosticDescriptor InvalidSeriesOption = Error(
            "DCL0041", "Invalid series task option",
            "Pipeline {0}: {1}");

        public static readonly DiagnosticDescriptor UnusedByForecaster = new(
            "DCL0042", "Property not used by the forecaster",
            "Pipeline {0} forecasts '{1}' from the series' history and its covariates, which are numbers and booleans: the forecasting models do not use '{2}'; mark it [Ignore] to say so",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor EnsembleUnavailable = new(
            "DCL0044", "Ensemble not available for the task",
            "Ensemble = true has no effect on {0}: Declarative blends the trials of {1} only; the model is the best trial alone",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor DirectTreesUnused = new(
            "DCL0045", "DirectTrees has no effect",
            "DirectTrees = true has no effect on {0}: it is the global trees' form, and the models it trains ({1}) do not include them; declare Trainer.GlobalLightGbm or Trainer.ForecastCombination, or remove DirectTrees",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

        // The build host's and the data profile's codes: reported by the training host (as MSBuild errors and warnings)
        // and the report, not by the generator, but tracked here with the others so every id has one title and one row
        // in the release file and the README (the catalog tests check the host's and the runtime's constants against them).
        private const string BuildCategory = "Declarative.Build";
        private const string DataCategory = "Declarative.Data";

        public static readonly DiagnosticDescriptor HostFailed = Reported("DCL1000", "Training host failed", BuildCategory, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor BadData = Reported("DCL1001", "Bad data", BuildCategory, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor PipelineNotTrained = Reported("DCL1002", "Pipeline cannot be trained", BuildCategory, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor TimeBudget = Reported("DCL1003", "Tuning with a time budget depends on the machine", BuildCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor OnnxDiffers = Reported("DCL1004", "ONNX export differs from ML.NET", BuildCategory, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor PortableDiffers = Reported("DCL1005", "Portable model differs from ML.NET", BuildCategory, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor CacheUnusable = Reported("DCL1006", "Model cache entry or store unusable", BuildCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ConstantColumn = Reported("DCL2001", "Constant feature", DataCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor AllMissing = Reported("DCL2002", "Feature has no values", DataCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor SingleClassLabel = Reported("DCL2003", "Label has one class", DataCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor SevereImbalance = Reported("DCL2004", "Severe class imbalance", DataCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor LikelyLeak = Reported("DCL2005", "Likely label leak", DataCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor MultilineFields = Reported("DCL2006", "Quoted fields span lines", DataCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor SkippedBadRow = Reported("DCL2007", "Bad row skipped", DataCategory, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor TreesCannotSplit = Reported("DCL2008", "Too few rows for the trees to split", DataCategory, DiagnosticSeverity.Warning);

        private static readonly Dictionary<string, DiagnosticDescriptor> AllById = new[]
        {
            NotPartial, MissingLabel, MultipleLabels, UnsupportedLabelType, UnsupportedPropertyType, TrainerDoesNotFitTask,
            TestFractionOutOfRange, DuplicateColumn, UnsupportedPipelineClass, NoFeatures, MultipleTasks,
            ConflictingColumnAttributes, InvalidSeparator, NoTrainers, UnknownTrainer, InvalidColumnIndex,
            MetricDoesNotFitTask, TuneOptionOutOfRange, InvalidSearchRange, SearchRangeHasNoEffect, PipelineNotAClass,
            RowLessAccessible, MemberCollision, BadRowFractionOutOfRange, InvalidDataSource, InvalidOrderBy, InvalidPositiveClass,
            InvalidColumnRun, InvalidOnnxExport, NotServableNatively, TaskOptionOutOfRange, TuningNeedsLabel, NothingToTune,
            TaskNotServableNatively, InvalidGroupId, InvalidSvmLightRow, TextEncoderUnavailable, NotSynthesizable, BadRowFractionWithoutSkip,
            InvalidSeriesColumn, InvalidSeriesOption, UnusedByForecaster, InvalidImage, EnsembleUnavailable, DirectTreesUnused,
            HostFailed, BadData, PipelineNotTrained, TimeBudget, OnnxDiffers, PortableDiffers, CacheUnusable,
            ConstantColumn, AllMissing, SingleClassLabel, SevereImbalance, LikelyLeak, MultilineFields, SkippedBadRow, TreesCannotSplit,
        }.ToDictionary(d => d.Id);

        public static IEnumerable<DiagnosticDescriptor> All => AllById.Values;

        public static DiagnosticDescriptor ById(string id) => AllById[id];

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        /// <summary>A code the build host or the report writes, with the message it composes at run time.</summary>
        private static DiagnosticDescriptor Reported(string id, string title, string category, DiagnosticSeverity severity) =>
            new(id, title, "{0}", category, severity, isEnabledByDefault: true);
    }
}
