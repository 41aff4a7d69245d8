/** What `em.query` answers for UPDATE and DELETE through TypeORM's postgres driver: [returned rows, affected count]. */
export type Changed<Row> = [Row[], number];
