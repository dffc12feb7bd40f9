export { annotationException, type AnnotationException, type AnnotationResult } from './annotation.js';
export { loadExceptionsFile, type LoadedExceptions } from './file.js';
export { findException } from './find.js';
export { emptyExceptions, ExceptionSet, type FileException, type ResourceSelector, type UnusedException } from './set.js';
