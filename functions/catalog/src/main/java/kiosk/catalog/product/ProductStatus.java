package kiosk.catalog.product;

/** Archived products stay stored, since orders point at them, but are gone for every reader. */
public enum ProductStatus { ACTIVE, ARCHIVED }
