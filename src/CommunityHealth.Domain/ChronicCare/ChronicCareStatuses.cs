namespace CommunityHealth.Domain.ChronicCare;

// Statuses and kinds the ChronicCare rules decide on; the data layer stores them as integers.
public enum RegistrationStatus { Active = 1, Deregistered = 2 }
public enum ReferralStatus { Issued = 1, Arrived = 2, NotArrived = 3, Cancelled = 4 }
public enum MeasurementKind { BloodPressure = 1, FastingGlucose = 2 }
