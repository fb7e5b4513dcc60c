// placeholder: replaced by the diagram page
export {};
